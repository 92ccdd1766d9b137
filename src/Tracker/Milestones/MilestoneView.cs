using Tracker.Ratings;

namespace Tracker.Milestones;

/// <summary>A milestone as readers see it: plan, latest progress, full history, and evidence they may see.</summary>
public sealed record MilestoneView(Guid Id, Guid CommitmentId, int Number, string Text, string? Deliverable, DateOnly PlannedStart,
    DateOnly PlannedEnd, DateOnly OriginalEnd, decimal Weight, bool Withdrawn, string? WithdrawnReason, bool Overdue,
    ProgressReport? LatestProgress, IReadOnlyList<ProgressReport> ProgressHistory, IReadOnlyList<Rebaseline> Rebaselines, long Version)
{
    /// <summary>Builds the view from the milestone and its reports; private evidence only for readers who may see it. Overdue is judged as of <paramref name="today"/>.</summary>
    public static MilestoneView Of(Milestone m, IEnumerable<ProgressReport> progress, bool showPrivateEvidence, DateOnly today)
    {
        var history = progress.Select(p => showPrivateEvidence ? p : p.PublicOnly()).ToList();
        var latest = m.LatestProgress is { } l ? (showPrivateEvidence ? l : l.PublicOnly()) : null;
        return new(m.Id, m.CommitmentId, m.Number, m.Text, m.Deliverable, m.PlannedStart, m.PlannedEnd, m.OriginalEnd, m.Weight,
            m.Withdrawn, m.WithdrawnReason, Ratings.Overdue.IsOverdue(m.PlannedEnd, m.LatestProgress?.Level, m.Withdrawn, today),
            latest, history, m.Rebaselines, m.Version);
    }
}

/// <summary>
/// What a write to a milestone answers: its state after the write, with the latest report but not the history, so the
/// answer stays the same size however many reports the milestone has (the history is at <c>GET /api/milestones/{id}</c>).
/// </summary>
public sealed record MilestoneSummary(Guid Id, Guid CommitmentId, int Number, string Text, string? Deliverable, DateOnly PlannedStart,
    DateOnly PlannedEnd, DateOnly OriginalEnd, decimal Weight, bool Withdrawn, string? WithdrawnReason, bool Overdue,
    ProgressReport? LatestProgress, int ProgressReports, IReadOnlyList<Rebaseline> Rebaselines, long Version)
{
    /// <summary>The summary the milestone's lead staff see (private evidence included). Overdue is judged as of <paramref name="today"/>.</summary>
    public static MilestoneSummary Of(Milestone m, DateOnly today) =>
        new(m.Id, m.CommitmentId, m.Number, m.Text, m.Deliverable, m.PlannedStart, m.PlannedEnd, m.OriginalEnd, m.Weight, m.Withdrawn,
            m.WithdrawnReason, Ratings.Overdue.IsOverdue(m.PlannedEnd, m.LatestProgress?.Level, m.Withdrawn, today),
            m.LatestProgress, m.ProgressReports, m.Rebaselines, m.Version);
}
