using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Milestones;
using Tracker.Plans;

namespace Tracker.Tests.Milestones;

/// <summary>NL0025 of the Netherlands' 2016–2018 plan as the decisions see it: the state their unit tests start from.</summary>
internal static class Nl0025
{
    public static readonly Guid Lead = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    public static readonly Guid Other = Guid.Parse("0190a000-0000-7000-8000-000000000002");
    public static readonly DateTimeOffset At = new(2017, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly Plan PlanOf2016 = new(Guid.Parse("0190a000-0000-7000-8000-000000000010"), Guid.Parse("0190a000-0000-7000-8000-000000000011"), 3,
        "Netherlands 2016-2018 National Action Plan", new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2016, 12, 31), PlanStatus.Active, At, At);

    public static readonly Commitment Active = new(Guid.Parse("0190a000-0000-7000-8000-000000000020"), PlanOf2016.Id, "NL0025", "07",
        new CommitmentText("Training civil servants on public participation", null, null, Lead, [], null, null, null, [], []),
        null, null, CommitmentStatus.Active, null, At, At) { Version = 1 };

    public static readonly Commitment Withdrawn = Active with { Status = CommitmentStatus.Withdrawn, WithdrawnReason = "Merged into NL0026" };

    public static readonly Milestone CourseMilestone = new(Guid.Parse("0190a000-0000-7000-8000-000000000030"), Active.Id, PlanOf2016.Id, 1, "Professionalisation course",
        null, new DateOnly(2016, 3, 1), new DateOnly(2018, 6, 30), new DateOnly(2018, 6, 30), 1m, false, null, null, null, 0, [], At, At) { Version = 4 };

    public static readonly Institution LeadInstitution = new(Lead, PlanOf2016.MemberId, "Ministry of the Interior and Kingdom Relations", InstitutionKind.Government, At);

    public static readonly MilestoneContext Context = new(Active, PlanOf2016);

    public static Caller Ministry(Guid institution) => new("ministry-1", TrackerRole.Ministry, institution);

    public static readonly Caller Admin = new("admin-1", TrackerRole.Admin, null);

    public static string RefusalOf(Action write) => Should.Throw<TrackerRuleBroken>(write).Code;
}
