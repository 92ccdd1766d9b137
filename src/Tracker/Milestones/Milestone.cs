using Tracker.Infrastructure;
using Tracker.Ratings;

namespace Tracker.Milestones;

/// <summary>One progress report as the milestone keeps it.</summary>
public sealed record ProgressReport(ProgressLevel Level, int? Percent, string Narrative, IReadOnlyList<Evidence> Evidence,
    DateOnly AsOf, string ReportedBy, DateTimeOffset ReportedAt)
{
    /// <summary>The report with private evidence removed, for readers who may not see it.</summary>
    public ProgressReport PublicOnly() => this with { Evidence = Evidence.Where(e => e.Visibility == EvidenceVisibility.Public).ToList() };
}

/// <summary>One move of the milestone's end date.</summary>
public sealed record Rebaseline(DateOnly PreviousEnd, DateOnly NewEnd, string Justification, string RebaselinedBy, DateTimeOffset RebaselinedAt);

/// <summary>
/// A milestone folded from its stream, with its whole progress history: the write model (withdrawn? which
/// commitment?) and the milestone view. Stored inline, so a report reads its own result.
/// </summary>
public sealed record Milestone(Guid Id, Guid CommitmentId, Guid PlanId, int Number, string Text, string? Deliverable, DateOnly PlannedStart,
    DateOnly PlannedEnd, DateOnly OriginalEnd, decimal Weight, bool Withdrawn, string? WithdrawnReason,
    IReadOnlyList<ProgressReport> Progress, IReadOnlyList<Rebaseline> Rebaselines, DateTimeOffset PlannedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The stream version, set by Marten.</summary>
    public long Version { get; set; }

    /// <summary>Starts the milestone.</summary>
    public static Milestone Create(MilestonePlanned e) => new(e.MilestoneId, e.CommitmentId, e.PlanId, e.Number, e.Text, e.Deliverable,
        e.PlannedStart, e.PlannedEnd, e.PlannedEnd, e.Weight, false, null, [], [], e.PlannedAt, e.PlannedAt);

    /// <summary>Folds a progress report.</summary>
    public Milestone Apply(MilestoneProgressReported e) => this with
    {
        Progress = [.. Progress, new ProgressReport(e.Level, e.Percent, e.Narrative, e.Evidence, e.AsOf, e.ReportedBy, e.ReportedAt)],
        UpdatedAt = e.ReportedAt,
    };

    /// <summary>Folds a re-baselining.</summary>
    public Milestone Apply(MilestoneRebaselined e) => this with
    {
        PlannedEnd = e.NewEnd,
        Rebaselines = [.. Rebaselines, new Rebaseline(e.PreviousEnd, e.NewEnd, e.Justification, e.RebaselinedBy, e.RebaselinedAt)],
        UpdatedAt = e.RebaselinedAt,
    };

    /// <summary>Folds a withdrawal.</summary>
    public Milestone Apply(MilestoneWithdrawn e) => this with { Withdrawn = true, WithdrawnReason = e.Reason, UpdatedAt = e.WithdrawnAt };

    /// <summary>The report that describes the latest state: the latest "as of" date, then the latest reported.</summary>
    public ProgressReport? LatestProgress() =>
        Progress.OrderBy(p => p.AsOf).ThenBy(p => p.ReportedAt).LastOrDefault();

    /// <summary>Refuses reports and re-baselining on a withdrawn milestone.</summary>
    public void EnsureLive()
    {
        if (Withdrawn)
            throw TrackerRuleBroken.InvalidField("milestoneId", "milestone.withdrawn", $"Milestone {Number} was withdrawn: {WithdrawnReason}");
    }
}
