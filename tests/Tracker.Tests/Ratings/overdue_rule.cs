using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class overdue_rule
{
    private static readonly DateOnly AsOf = new(2017, 6, 30);

    public static TheoryData<DateOnly, ProgressLevel?, bool, bool> every_combination
    {
        get
        {
            var data = new TheoryData<DateOnly, ProgressLevel?, bool, bool>();
            DateOnly[] plannedEnds = [AsOf.AddDays(-1), AsOf, AsOf.AddDays(1)];
            ProgressLevel?[] levels = [null, ProgressLevel.NotStarted, ProgressLevel.Limited, ProgressLevel.Substantial, ProgressLevel.Complete];
            foreach (var plannedEnd in plannedEnds)
            foreach (var latest in levels)
            foreach (var withdrawn in new[] { false, true })
            {
                var passed = plannedEnd.DayNumber < AsOf.DayNumber;
                var done = latest == ProgressLevel.Complete;
                data.Add(plannedEnd, latest, withdrawn, passed && !done && !withdrawn);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_combination))]
    public void a_milestone_is_overdue_when_its_planned_end_has_passed_and_it_is_neither_complete_nor_withdrawn(
        DateOnly plannedEnd, ProgressLevel? latest, bool withdrawn, bool expected) =>
        Overdue.IsOverdue(plannedEnd, latest, withdrawn, AsOf).ShouldBe(expected);

    [Fact]
    public void the_table_is_the_full_cross_product() =>
        every_combination.Count().ShouldBe(3 * 5 * 2);

    [Fact]
    public void a_milestone_due_today_is_not_yet_overdue() =>
        Overdue.IsOverdue(AsOf, ProgressLevel.Limited, withdrawn: false, AsOf).ShouldBeFalse();

    [Fact]
    public void a_milestone_with_no_progress_reported_past_its_end_is_overdue() =>
        Overdue.IsOverdue(new DateOnly(2017, 1, 31), null, withdrawn: false, AsOf).ShouldBeTrue();

    [Fact]
    public void a_substantially_complete_milestone_past_its_end_is_still_overdue() =>
        Overdue.IsOverdue(new DateOnly(2017, 1, 31), ProgressLevel.Substantial, withdrawn: false, AsOf).ShouldBeTrue();
}
