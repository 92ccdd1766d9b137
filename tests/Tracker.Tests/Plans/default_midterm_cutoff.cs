using Tracker.Plans;

namespace Tracker.Tests.Plans;

public class default_midterm_cutoff
{
    [Theory]
    [InlineData("2016-07-01", "2018-06-30", "2017-06-30")] // the Netherlands' 2016-2018 plan: the end of its first year
    [InlineData("2016-01-01", "2016-09-30", "2016-09-30")] // a plan shorter than a year: its end
    [InlineData("2016-02-29", "2018-06-30", "2017-02-27")] // a year after 29 February is 28 February
    [InlineData("0001-01-01", "0001-12-31", "0001-12-31")]
    [InlineData("9998-06-01", "9999-12-31", "9999-05-31")]
    [InlineData("9999-01-01", "9999-12-31", "9999-12-31")] // no year 10000 to count in: the period's end
    [InlineData("9999-12-30", "9999-12-31", "9999-12-31")]
    public void is_the_last_day_of_the_first_year_or_the_end_of_a_shorter_period(string start, string end, string cutoff)
    {
        Plan.DefaultMidtermCutoff(DateOnly.Parse(start), DateOnly.Parse(end)).ShouldBe(DateOnly.Parse(cutoff));
    }
}
