using Tracker.Infrastructure;
using Tracker.Plans;

namespace Tracker.Tests.Plans;

public class amending_a_plan
{
    private static readonly DateTimeOffset At = new(2017, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Admin = new("admin-1", TrackerRole.Admin, null);

    private static readonly Plan Plan = new(Guid.Parse("0190a000-0000-7000-8000-000000000010"), Guid.Parse("0190a000-0000-7000-8000-000000000011"), 3,
        "Netherlands 2016-2018 National Action Plan", new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2016, 12, 31), PlanStatus.Active, At, At)
    { Version = 2 };

    // NL0025 as the IRM page shows it: the commitment runs the whole period, milestones 2 and 5 end with 2017.
    private static readonly PlanContents Nl0025 = new(
        [new DatedCommitment("NL0025", new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30)), new DatedCommitment("NL0026", null, null)],
        [
            new DatedMilestone("NL0025", 1, new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2016, 9, 30)),
            new DatedMilestone("NL0025", 2, new DateOnly(2016, 1, 1), new DateOnly(2017, 12, 31), null),
        ]);

    private static AmendPlan Amendment(string start, string end, string cutoff, string title = "Netherlands 2016-2018 National Action Plan") =>
        new(Plan.Id, title, DateOnly.Parse(start), DateOnly.Parse(end), DateOnly.Parse(cutoff), "Agreed with OGP", null, Admin);

    private static string[] Outside(string start, string end) =>
        Nl0025.OutsidePeriod(DateOnly.Parse(start), DateOnly.Parse(end)).Select(d => d.ToString()).ToArray();

    [Fact]
    public void a_period_that_still_holds_every_date_leaves_nothing_outside()
    {
        Outside("2016-01-01", "2018-06-30").ShouldBeEmpty();
        Outside("2015-07-01", "2019-06-30").ShouldBeEmpty();
    }

    [Fact]
    public void an_earlier_end_names_every_commitment_and_milestone_date_after_it()
    {
        Outside("2016-01-01", "2017-12-31").ShouldBe(["NL0025 end 2018-06-30", "NL0025 milestone 1 planned end 2018-06-30"]);
    }

    [Fact]
    public void a_later_start_names_the_starts_and_the_progress_reported_as_of_a_day_before_it()
    {
        Outside("2016-10-01", "2018-06-30").ShouldBe([
            "NL0025 start 2016-01-01", "NL0025 milestone 1 planned start 2016-01-01", "NL0025 milestone 1 progress as of 2016-09-30",
            "NL0025 milestone 2 planned start 2016-01-01",
        ]);
    }

    [Fact]
    public void progress_reported_as_of_a_day_after_the_period_ends_does_not_hold_the_end()
    {
        var reportedLate = new PlanContents([], [new DatedMilestone("NL0025", 1, new DateOnly(2016, 1, 1), new DateOnly(2017, 6, 30), new DateOnly(2018, 9, 30))]);

        reportedLate.OutsidePeriod(new DateOnly(2016, 1, 1), new DateOnly(2017, 12, 31)).ShouldBeEmpty();
    }

    [Fact]
    public void withdrawn_commitments_and_milestones_do_not_hold_the_period()
    {
        var withdrawn = new PlanContents(
            [new DatedCommitment("NL0025", new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), Withdrawn: true)],
            [new DatedMilestone("NL0026", 3, new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2016, 2, 29), Withdrawn: true)]);

        withdrawn.OutsidePeriod(new DateOnly(2016, 7, 1), new DateOnly(2017, 12, 31)).ShouldBeEmpty();
    }

    [Fact]
    public void an_amendment_that_would_leave_dates_outside_the_period_is_refused_naming_them()
    {
        var refusal = Should.Throw<TrackerRuleBroken>(() => AmendPlanHandler.Handle(Amendment("2016-01-01", "2017-12-31", "2016-12-31"), Plan, Nl0025, TimeProvider.System));

        refusal.Code.ShouldBe("plan.period_excludes_dates");
        refusal.Kind.ShouldBe(RuleKind.Conflict);
        refusal.Message.ShouldBe("The period 2016-01-01..2017-12-31 would leave outside it: NL0025 end 2018-06-30; NL0025 milestone 1 planned end 2018-06-30.");
    }

    [Fact]
    public void an_extension_is_amended()
    {
        var (_, events) = AmendPlanHandler.Handle(Amendment("2016-01-01", "2019-06-30", "2016-12-31"), Plan, Nl0025, TimeProvider.System);

        events.ShouldHaveSingleItem().ShouldBeOfType<PlanAmended>().PeriodEnd.ShouldBe(new DateOnly(2019, 6, 30));
    }

    [Fact]
    public void a_plan_that_has_ended_takes_no_amendment_not_even_one_that_changes_nothing()
    {
        var ended = Plan with { Status = PlanStatus.Ended };

        Should.Throw<TrackerRuleBroken>(() => AmendPlanHandler.Handle(Amendment("2016-01-01", "2019-06-30", "2016-12-31"), ended, Nl0025, TimeProvider.System))
            .Code.ShouldBe("plan.ended");
        Should.Throw<TrackerRuleBroken>(() => AmendPlanHandler.Handle(Amendment("2016-01-01", "2018-06-30", "2016-12-31"), ended, Nl0025, TimeProvider.System))
            .Code.ShouldBe("plan.ended");
    }

    [Fact]
    public void an_amendment_that_changes_nothing_appends_nothing_even_when_dates_already_lie_outside()
    {
        var (_, events) = AmendPlanHandler.Handle(Amendment("2016-01-01", "2018-06-30", "2016-12-31"), Plan,
            new PlanContents([new DatedCommitment("NL0027", new DateOnly(2015, 1, 1), null)], []), TimeProvider.System);

        events.ShouldBeEmpty();
    }
}
