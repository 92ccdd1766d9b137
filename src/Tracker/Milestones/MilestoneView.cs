using Tracker.Ratings;

namespace Tracker.Milestones;

/// <summary>A milestone as readers see it: plan, latest progress, full history, and evidence they may see.</summary>
public sealed record MilestoneView(Guid Id, Guid CommitmentId, int Number, string Text, string? Deliverable, DateOnly PlannedStart,
    DateOnly PlannedEnd, DateOnly OriginalEnd, decimal Weight, bool Withdrawn, string? WithdrawnReason, bool Overdue,
    ProgressReport? LatestProgress, IReadOnlyList<ProgressReport> ProgressHistory, IReadOnlyList<Rebaseline> Rebaselines, long Version)
{
    /// <summary>Builds the view; private evidence only for readers who may see it. Overdue is judged as of <paramref name="today"/>.</summary>
    public static MilestoneView Of(Milestone m, bool showPrivateEvidence, DateOnly today)
    {
        var history = m.Progress.OrderBy(p => p.AsOf).ThenBy(p => p.ReportedAt)
            .Select(p => showPrivateEvidence ? p : p.PublicOnly()).ToList();
        var latest = history.LastOrDefault();
        return new(m.Id, m.CommitmentId, m.Number, m.Text, m.Deliverable, m.PlannedStart, m.PlannedEnd, m.OriginalEnd, m.Weight,
            m.Withdrawn, m.WithdrawnReason, Ratings.Overdue.IsOverdue(m.PlannedEnd, latest?.Level, m.Withdrawn, today),
            latest, history, m.Rebaselines, m.Version);
    }
}
