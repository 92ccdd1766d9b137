using System.Globalization;
using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// product.md §4: on time = every milestone due by the cutoff was Complete by its (re-baselined) end date. No
/// milestones → not assessed; every milestone withdrawn → not applicable (docs/reviews-and-ratings.md).
/// </summary>
public class on_time_rule
{
    private static readonly DateOnly Cutoff = new(2018, 6, 30);

    private static DateOnly Day(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);

    private static MilestoneSchedule Due(string plannedEnd, string? completedOn = null, bool withdrawn = false) =>
        new(Day(plannedEnd), completedOn is null ? null : Day(completedOn), withdrawn);

    public static TheoryData<string, MilestoneSchedule[], Rated<bool>> schedules_at_the_2018_06_30_cutoff => new()
    {
        { "no milestones: nothing to judge", [], Rated.NotAssessed<bool>() },
        { "every milestone withdrawn: no schedule left to keep", [Due("2018-03-31", withdrawn: true), Due("2018-05-31", "2018-05-01", withdrawn: true)], Rated.NotApplicable<bool>() },
        { "the only milestone is not due yet", [Due("2018-09-30")], Rated.Of(true) },
        { "due on the cutoff and not complete: it counts", [Due("2018-06-30")], Rated.Of(false) },
        { "due on the cutoff and completed on it", [Due("2018-06-30", "2018-06-30")], Rated.Of(true) },
        { "completed ten days early", [Due("2018-03-31", "2018-03-21")], Rated.Of(true) },
        { "completed on its planned end", [Due("2018-03-31", "2018-03-31")], Rated.Of(true) },
        { "one of two completed a day late", [Due("2018-03-31", "2018-04-01"), Due("2018-05-31", "2018-05-01")], Rated.Of(false) },
        { "completed late, after the cutoff", [Due("2018-03-31", "2018-08-01")], Rated.Of(false) },
        { "past its end and never completed", [Due("2018-03-31")], Rated.Of(false) },
        { "a late milestone is not excused by one not due yet", [Due("2018-03-31"), Due("2018-09-30")], Rated.Of(false) },
        { "a withdrawn overdue milestone does not count", [Due("2018-03-31", withdrawn: true), Due("2018-05-31", "2018-05-31")], Rated.Of(true) },
        { "a withdrawn milestone beside one not due yet", [Due("2018-03-31", withdrawn: true), Due("2018-09-30")], Rated.Of(true) },
    };

    [Theory]
    [MemberData(nameof(schedules_at_the_2018_06_30_cutoff))]
    public void a_commitment_is_on_time_when_every_live_milestone_due_was_complete_by_its_planned_end(
        string example, MilestoneSchedule[] milestones, Rated<bool> onTime)
    {
        _ = example;
        OnTime.Evaluate(milestones, Cutoff).ShouldBe(onTime);
    }

    [Fact]
    public void a_rebaselined_end_date_is_the_one_that_counts() =>
        // Planned for March 2020, re-baselined (COVID) to December 2020, completed in October 2020.
        OnTime.Evaluate([Due("2020-12-31", "2020-10-15")], Day("2021-06-30")).ShouldBe(Rated.Of(true));
}
