using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Milestones;
using Tracker.Plans;

namespace Tracker.Tests.Milestones;

public class lead_writes_to_a_milestone
{
    private static readonly Guid Lead = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid Other = Guid.Parse("0190a000-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset At = new(2017, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Plan Plan = new(Guid.Parse("0190a000-0000-7000-8000-000000000010"), Guid.Parse("0190a000-0000-7000-8000-000000000011"), 3,
        "Netherlands 2016-2018 National Action Plan", new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2016, 12, 31), PlanStatus.Active, At, At);

    private static readonly Commitment Active = new(Guid.Parse("0190a000-0000-7000-8000-000000000020"), Plan.Id, "NL0025", "07",
        new CommitmentText("Training civil servants on public participation", null, null, Lead, [], null, null, null, [], []),
        null, null, CommitmentStatus.Active, null, At, At) { Version = 1 };

    private static readonly Commitment Withdrawn = Active with { Status = CommitmentStatus.Withdrawn, WithdrawnReason = "Merged into NL0026" };

    private static readonly Milestone Milestone = new(Guid.Parse("0190a000-0000-7000-8000-000000000030"), Active.Id, Plan.Id, 1, "Professionalisation course",
        null, new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2018, 6, 30), 1m, false, null, null, null, 0, [], At, At) { Version = 4 };

    private static Caller Ministry(Guid institution) => new("ministry-1", TrackerRole.Ministry, institution);

    private static string RefusalOf(Action write) => Should.Throw<TrackerRuleBroken>(write).Code;

    [Fact]
    public void the_lead_institution_writes_to_a_live_milestone_of_an_active_commitment()
    {
        Should.NotThrow(() => new MilestoneContext(Active, Plan).EnsureLeadWrite(Milestone, Ministry(Lead), expectedVersion: 4));
    }

    [Fact]
    public void a_withdrawn_commitment_takes_no_progress_and_no_new_end_date_on_its_milestones()
    {
        var refusal = Should.Throw<TrackerRuleBroken>(() => new MilestoneContext(Withdrawn, Plan).EnsureLeadWrite(Milestone, Ministry(Lead), null));

        refusal.Code.ShouldBe("commitment.withdrawn");
        refusal.Kind.ShouldBe(RuleKind.Conflict);
        refusal.Message.ShouldContain("Merged into NL0026");
    }

    [Fact]
    public void the_callers_right_and_the_version_are_checked_before_the_commitment_is_found_withdrawn()
    {
        var context = new MilestoneContext(Withdrawn, Plan);

        RefusalOf(() => context.EnsureLeadWrite(Milestone, Ministry(Other), null)).ShouldBe("milestone.not_lead");
        Should.Throw<StaleVersion>(() => context.EnsureLeadWrite(Milestone, Ministry(Lead), expectedVersion: 3)).CurrentVersion.ShouldBe(4);
    }

    [Fact]
    public void a_withdrawn_milestone_of_a_withdrawn_commitment_is_refused_as_withdrawn_milestone_first()
    {
        var withdrawnMilestone = Milestone with { Withdrawn = true, WithdrawnReason = "Dropped" };

        RefusalOf(() => new MilestoneContext(Withdrawn, Plan).EnsureLeadWrite(withdrawnMilestone, Ministry(Lead), null)).ShouldBe("milestone.withdrawn");
    }
}
