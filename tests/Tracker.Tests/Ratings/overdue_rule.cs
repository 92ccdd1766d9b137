using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>product.md §4: a milestone is overdue when its (re-baselined) planned end has passed and it is not Complete (nor withdrawn).</summary>
public class overdue_rule
{
    private static readonly DateOnly AsOf = new(2017, 6, 30);

    [Theory]
    // Columns: planned end, latest progress ("none" when nothing was reported), withdrawn → overdue, as of 2017-06-30.
    [InlineData("2017-06-29", "none", false, true)] // the day after the planned end, nothing reported
    [InlineData("2017-01-31", "NotStarted", false, true)]
    [InlineData("2017-06-29", "Limited", false, true)]
    [InlineData("2017-01-31", "Substantial", false, true)] // substantial is still not done
    [InlineData("2017-01-31", "Complete", false, false)] // done, however late
    [InlineData("2017-01-31", "Limited", true, false)] // withdrawn work is not overdue
    [InlineData("2017-01-31", "none", true, false)]
    [InlineData("2017-06-30", "Limited", false, false)] // due today is not yet overdue
    [InlineData("2017-07-01", "none", false, false)] // not due yet
    public void a_milestone_is_overdue_when_its_planned_end_has_passed_and_it_is_neither_complete_nor_withdrawn(
        string plannedEnd, string latest, bool withdrawn, bool overdue) =>
        Overdue.IsOverdue(DateOnly.Parse(plannedEnd, System.Globalization.CultureInfo.InvariantCulture),
                latest == "none" ? null : Enum.Parse<ProgressLevel>(latest), withdrawn, AsOf)
            .ShouldBe(overdue);
}
