using Tracker.OpenData.Importing;

namespace Tracker.Tests.OpenData;

/// <summary>The date rule of the OGP import (docs/open-data.md), one row per case of the real file's free-text dates.</summary>
public class reading_ogp_dates
{
    private static readonly DateOnly PlanStart = new(2013, 1, 1), PlanEnd = new(2015, 12, 31);

    public static TheoryData<string, DateRole, bool, string?, string?> cells => new()
    {
        // cell, role, plan writes days first, day read, warning contains
        { "", DateRole.Start, false, null, null },
        { "NA", DateRole.End, false, null, null },
        { "ND", DateRole.Start, false, null, null },
        { "NR", DateRole.Start, false, null, null },
        { "2014-03-31", DateRole.Start, false, "2014-03-31", null },
        { "1/1/2014", DateRole.Start, false, "2014-01-01", null },
        { "12/31/2014", DateRole.End, false, "2014-12-31", null },
        { "7/1/14", DateRole.Start, false, "2014-07-01", null },
        { "6/30/15", DateRole.End, false, "2015-06-30", null },
        { "02/3/2014", DateRole.End, false, "2014-02-03", null },
        { "31/12/2014", DateRole.End, false, "2014-12-31", "read day first" },
        { "30/4/2015", DateRole.End, true, "2015-04-30", "read day first" },
        { "02/3/2014", DateRole.End, true, null, "ambiguous" },
        { "3/3/2014", DateRole.End, true, "2014-03-03", null },
        { "July 2014", DateRole.Start, false, "2014-07-01", "month only" },
        { "December 2014", DateRole.End, false, "2014-12-31", "month only" },
        { "Feb 2015", DateRole.End, false, "2015-02-28", "month only" },
        { "2014", DateRole.Start, false, "2014-01-01", "year only" },
        { "2014", DateRole.End, false, "2014-12-31", "year only" },
        { "7/15/1905", DateRole.Start, false, null, "outside the plan's years" },
        { "2008", DateRole.Start, false, null, "outside the plan's years" },
        { "13/13/2014", DateRole.Start, false, null, "not a date" },
        { "2/30/2014", DateRole.Start, false, null, "not a date" },
        { "soon", DateRole.Start, false, null, "'soon' is not a date" },
        { "Q3 2014", DateRole.End, false, null, "not a date" },
    };

    [Theory]
    [MemberData(nameof(cells))]
    public void a_date_cell_is_read_left_empty_or_completed_and_every_change_is_reported(string cell, DateRole role, bool planWritesDayFirst,
        string? expectedDay, string? expectedWarning)
    {
        var reading = OgpDates.Read(cell, role, PlanStart, PlanEnd, planWritesDayFirst);

        reading.Day.ShouldBe(expectedDay is null ? null : DateOnly.Parse(expectedDay, System.Globalization.CultureInfo.InvariantCulture));
        if (expectedWarning is null) reading.Warning.ShouldBeNull();
        else reading.Warning.ShouldNotBeNull().ShouldContain(expectedWarning);
    }

    [Theory]
    [InlineData("31/12/2014", true)]
    [InlineData("13/1/2015", true)]
    [InlineData("12/31/2014", false)]
    [InlineData("02/3/2014", false)]
    [InlineData("July 2014", false)]
    public void a_date_that_can_only_be_day_first_marks_its_plan_as_writing_days_first(string cell, bool dayFirst) =>
        OgpDates.IsWrittenDayFirst(cell).ShouldBe(dayFirst);
}
