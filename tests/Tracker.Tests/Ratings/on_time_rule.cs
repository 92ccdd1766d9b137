using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class on_time_rule
{
    private static readonly DateOnly Cutoff = new(2018, 6, 30);

    private static readonly DateOnly[] PlannedEnds = [new(2018, 3, 31), Cutoff, new(2018, 9, 30)];

    // Never completed, early, on the day, ten days late, and long after the cutoff.
    private static IEnumerable<DateOnly?> CompletionDates(DateOnly plannedEnd) =>
        [null, plannedEnd.AddDays(-10), plannedEnd, plannedEnd.AddDays(10), plannedEnd.AddDays(200)];

    private static IEnumerable<MilestoneSchedule> Schedules() =>
        from plannedEnd in PlannedEnds
        from completedOn in CompletionDates(plannedEnd)
        from withdrawn in new[] { false, true }
        select new MilestoneSchedule(plannedEnd, completedOn, withdrawn);

    private static Rated<bool> Expected(IReadOnlyList<MilestoneSchedule> milestones)
    {
        if (milestones.Count == 0)
        {
            return Rated.NotAssessed<bool>();
        }

        if (milestones.All(milestone => milestone.Withdrawn))
        {
            return Rated.NotApplicable<bool>();
        }

        var late = milestones.Count(milestone =>
            !milestone.Withdrawn
            && milestone.PlannedEnd.DayNumber <= Cutoff.DayNumber
            && (milestone.CompletedOn is null || milestone.CompletedOn.Value.DayNumber > milestone.PlannedEnd.DayNumber));
        return Rated.Of(late == 0);
    }

    public static TheoryData<MilestoneSchedule[], Rated<bool>> every_combination_of_up_to_two_milestones
    {
        get
        {
            var data = new TheoryData<MilestoneSchedule[], Rated<bool>>();
            var one = Schedules().ToList();
            IEnumerable<MilestoneSchedule[]> lists =
            [
                [],
                .. one.Select(a => new[] { a }),
                .. from a in one from b in one select new[] { a, b },
            ];
            foreach (var list in lists)
            {
                data.Add(list, Expected(list));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_combination_of_up_to_two_milestones))]
    public void a_commitment_is_on_time_when_every_live_milestone_due_was_complete_by_its_planned_end(
        MilestoneSchedule[] milestones, Rated<bool> expected) =>
        OnTime.Evaluate(milestones, Cutoff).ShouldBe(expected);

    [Fact]
    public void the_table_is_the_full_cross_product() =>
        every_combination_of_up_to_two_milestones.Count().ShouldBe(1 + 30 + 900);

    [Fact]
    public void a_commitment_without_milestones_is_not_assessed() =>
        OnTime.Evaluate([], Cutoff).ShouldBe(Rated.NotAssessed<bool>());

    [Fact]
    public void a_commitment_whose_milestones_were_all_withdrawn_has_no_schedule_to_keep() =>
        OnTime.Evaluate([new MilestoneSchedule(new DateOnly(2018, 3, 31), null, Withdrawn: true)], Cutoff).ShouldBe(Rated.NotApplicable<bool>());

    [Fact]
    public void a_milestone_not_yet_due_does_not_make_a_commitment_late() =>
        OnTime.Evaluate([new MilestoneSchedule(new DateOnly(2018, 9, 30), null, false)], Cutoff).ShouldBe(Rated.Of(true));

    [Fact]
    public void a_milestone_due_on_the_cutoff_counts() =>
        OnTime.Evaluate([new MilestoneSchedule(Cutoff, null, false)], Cutoff).ShouldBe(Rated.Of(false));

    [Fact]
    public void a_milestone_completed_on_its_planned_end_is_on_time() =>
        OnTime.Evaluate([new MilestoneSchedule(new DateOnly(2018, 3, 31), new DateOnly(2018, 3, 31), false)], Cutoff).ShouldBe(Rated.Of(true));

    [Fact]
    public void a_milestone_completed_a_day_late_makes_the_commitment_late() =>
        OnTime.Evaluate(
            [
                new MilestoneSchedule(new DateOnly(2018, 3, 31), new DateOnly(2018, 4, 1), false),
                new MilestoneSchedule(new DateOnly(2018, 5, 31), new DateOnly(2018, 5, 1), false),
            ],
            Cutoff).ShouldBe(Rated.Of(false));

    [Fact]
    public void a_withdrawn_overdue_milestone_does_not_make_the_commitment_late() =>
        OnTime.Evaluate(
            [
                new MilestoneSchedule(new DateOnly(2018, 3, 31), null, Withdrawn: true),
                new MilestoneSchedule(new DateOnly(2018, 5, 31), new DateOnly(2018, 5, 31), false),
            ],
            Cutoff).ShouldBe(Rated.Of(true));

    [Fact]
    public void a_rebaselined_end_date_is_the_one_that_counts() =>
        // Planned for March 2020, re-baselined (COVID) to December 2020, completed in October 2020.
        OnTime.Evaluate([new MilestoneSchedule(new DateOnly(2020, 12, 31), new DateOnly(2020, 10, 15), false)], new DateOnly(2021, 6, 30))
            .ShouldBe(Rated.Of(true));
}
