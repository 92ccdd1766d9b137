using JasperFx.Events;
using Marten.Events.Projections;
using Tracker.Commitments;
using Tracker.Milestones;
using Tracker.Plans;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Dashboard;

/// <summary>A commitment as the dashboard counts it.</summary>
public sealed record DashboardCommitment(Guid Id, string Code, string Title, Guid LeadInstitutionId, bool Withdrawn);

/// <summary>A milestone as the dashboard counts it.</summary>
public sealed record DashboardMilestone(Guid Id, Guid CommitmentId, int Number, string Text, DateOnly PlannedEnd, decimal Weight, bool Withdrawn,
    ProgressLevel? Latest, DateOnly? LatestAsOf);

/// <summary>Something that happened in the plan, for the "latest updates" list.</summary>
public sealed record DashboardUpdate(DateTimeOffset At, string What, Guid StreamId, string? Code);

/// <summary>
/// The facts of one plan gathered from many streams (plan, commitments, milestones, published reports): the source
/// of the public plan dashboard. Async: no write waits for it, and it rebuilds from the event store alone.
/// </summary>
public sealed class PlanDashboard
{
    /// <summary>The plan's id.</summary>
    public Guid Id { get; set; }
    /// <summary>The plan's title.</summary>
    public string Title { get; set; } = "";
    /// <summary>The plan's member.</summary>
    public Guid MemberId { get; set; }
    /// <summary>Its commitments by id.</summary>
    public Dictionary<Guid, DashboardCommitment> Commitments { get; set; } = [];
    /// <summary>Its milestones by id.</summary>
    public Dictionary<Guid, DashboardMilestone> Milestones { get; set; } = [];
    /// <summary>The latest updates, newest first (at most <see cref="UpdatesKept"/>).</summary>
    public List<DashboardUpdate> LatestUpdates { get; set; } = [];

    /// <summary>How many updates the dashboard keeps.</summary>
    public const int UpdatesKept = 20;

    internal void Record(DateTimeOffset at, string what, Guid streamId, string? code)
    {
        LatestUpdates.Insert(0, new DashboardUpdate(at, what, streamId, code));
        if (LatestUpdates.Count > UpdatesKept) LatestUpdates.RemoveRange(UpdatesKept, LatestUpdates.Count - UpdatesKept);
    }

    internal string? CodeOf(Guid commitmentId) => Commitments.TryGetValue(commitmentId, out var c) ? c.Code : null;
}

/// <summary>Folds every plan-scoped event into its plan's dashboard (events carry their PlanId, so no lookups are needed).</summary>
public sealed class PlanDashboardProjection : MultiStreamProjection<PlanDashboard, Guid>
{
    /// <summary>Routes each event to its plan.</summary>
    public PlanDashboardProjection()
    {
        Identity<PlanRegistered>(e => e.PlanId);
        Identity<PlanAmended>(e => e.PlanId);
        Identity<CommitmentRegistered>(e => e.PlanId);
        Identity<CommitmentRevised>(e => e.PlanId);
        Identity<CommitmentWithdrawn>(e => e.PlanId);
        Identity<MilestonePlanned>(e => e.PlanId);
        Identity<MilestoneProgressReported>(e => e.PlanId);
        Identity<MilestoneRebaselined>(e => e.PlanId);
        Identity<MilestoneWithdrawn>(e => e.PlanId);
        Identity<ReviewReportPublished>(e => e.PlanId);
        Identity<ErratumIssued>(e => e.PlanId);
    }

    /// <summary>Starts a plan's dashboard.</summary>
    public PlanDashboard Create(PlanRegistered e) => new() { Id = e.PlanId, Title = e.Title, MemberId = e.MemberId };

    /// <summary>A new title.</summary>
    public void Apply(PlanAmended e, PlanDashboard d) => d.Title = e.Title;

    /// <summary>A new commitment.</summary>
    public void Apply(IEvent<CommitmentRegistered> e, PlanDashboard d)
    {
        d.Commitments[e.Data.CommitmentId] = new(e.Data.CommitmentId, e.Data.Code, e.Data.Text.Title, e.Data.Text.LeadInstitutionId, false);
        d.Record(e.Timestamp, "commitment registered", e.Data.CommitmentId, e.Data.Code);
    }

    /// <summary>A revised commitment.</summary>
    public void Apply(IEvent<CommitmentRevised> e, PlanDashboard d)
    {
        if (d.Commitments.TryGetValue(e.Data.CommitmentId, out var c))
            d.Commitments[c.Id] = c with { Title = e.Data.Text.Title, LeadInstitutionId = e.Data.Text.LeadInstitutionId };
        d.Record(e.Timestamp, "commitment revised", e.Data.CommitmentId, d.CodeOf(e.Data.CommitmentId));
    }

    /// <summary>A withdrawn commitment.</summary>
    public void Apply(IEvent<CommitmentWithdrawn> e, PlanDashboard d)
    {
        if (d.Commitments.TryGetValue(e.Data.CommitmentId, out var c)) d.Commitments[c.Id] = c with { Withdrawn = true };
        d.Record(e.Timestamp, "commitment withdrawn", e.Data.CommitmentId, d.CodeOf(e.Data.CommitmentId));
    }

    /// <summary>A new milestone.</summary>
    public void Apply(MilestonePlanned e, PlanDashboard d) =>
        d.Milestones[e.MilestoneId] = new(e.MilestoneId, e.CommitmentId, e.Number, e.Text, e.PlannedEnd, e.Weight, false, null, null);

    /// <summary>Progress: the latest by its "as of" day.</summary>
    public void Apply(IEvent<MilestoneProgressReported> e, PlanDashboard d)
    {
        if (d.Milestones.TryGetValue(e.Data.MilestoneId, out var m) && (m.LatestAsOf is null || e.Data.AsOf >= m.LatestAsOf))
            d.Milestones[m.Id] = m with { Latest = e.Data.Level, LatestAsOf = e.Data.AsOf };
        d.Record(e.Timestamp, $"milestone progress reported: {e.Data.Level}", e.Data.MilestoneId, d.CodeOf(e.Data.CommitmentId));
    }

    /// <summary>A moved end date.</summary>
    public void Apply(IEvent<MilestoneRebaselined> e, PlanDashboard d)
    {
        if (d.Milestones.TryGetValue(e.Data.MilestoneId, out var m)) d.Milestones[m.Id] = m with { PlannedEnd = e.Data.NewEnd };
        d.Record(e.Timestamp, "milestone re-baselined", e.Data.MilestoneId, d.CodeOf(e.Data.CommitmentId));
    }

    /// <summary>A withdrawn milestone.</summary>
    public void Apply(IEvent<MilestoneWithdrawn> e, PlanDashboard d)
    {
        if (d.Milestones.TryGetValue(e.Data.MilestoneId, out var m)) d.Milestones[m.Id] = m with { Withdrawn = true };
        d.Record(e.Timestamp, "milestone withdrawn", e.Data.MilestoneId, d.CodeOf(e.Data.CommitmentId));
    }

    /// <summary>A published review, among the updates (its ratings are read from the report itself).</summary>
    public void Apply(IEvent<ReviewReportPublished> e, PlanDashboard d)
    {
        var kind = Enum.GetValues<ReportKind>().First(k => e.Data.ReportId == ReviewReport.IdFor(e.Data.PlanId, k));
        d.Record(e.Timestamp, $"{kind} review published", e.Data.ReportId, null);
    }

    /// <summary>An erratum, among the updates.</summary>
    public void Apply(IEvent<ErratumIssued> e, PlanDashboard d) =>
        d.Record(e.Timestamp, $"erratum: {e.Data.Score.Indicator}", e.Data.ReportId, d.CodeOf(e.Data.CommitmentId));
}
