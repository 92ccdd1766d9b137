using Marten;
using Tracker.Infrastructure;

namespace Tracker.Reviews.Pages;

/// <summary>
/// A plan's review as the public may read it, now or as of an instant: the same <see cref="ReviewView"/> the JSON
/// read answers, built the same way (the frozen ratings once published, else <see cref="ReviewSheet.Build"/>), and
/// only when <see cref="ReviewReport.IsVisibleTo"/> lets an anonymous reader see it: a draft never reaches a page.
/// </summary>
public static class PublicReviews
{
    /// <summary>The review, or null when the plan has none of that kind the public may read (then).</summary>
    public static async Task<ReviewView?> LoadAsync(IQuerySession session, Guid planId, ReportKind kind, DateTimeOffset? asOf, CancellationToken ct)
    {
        var report = await AsOf.Load<ReviewReport>(session, ReviewReport.IdFor(planId, kind), asOf, ct);
        if (report is null || !report.IsVisibleTo(null)) return null;
        // A published report carries its frozen ratings: only a report out for comment needs the sheet's inputs.
        string planTitle;
        IReadOnlyList<CommitmentReview> entries;
        if (report.Status == ReportStatus.Published)
        {
            planTitle = (await session.LoadAsync<Plans.Plan>(planId, ct))?.Title ?? "";
            entries = report.Published;
        }
        else
        {
            if (await ReviewInputsLoader.LoadAsync(session, planId, kind, ct) is not { } inputs) return null;
            planTitle = inputs.Plan.Title;
            entries = ReviewSheet.Build(inputs with { Report = report });
        }
        return new ReviewView(report.Id, planId, planTitle, report.Kind, report.Method, report.Status, report.Cutoff, report.StarRule, report.Imported,
            report.Reviewers, report.CommentsOpen, report.CommentsClose, report.Comments, report.Errata, report.PublishedAt, report.SourceSequence,
            ReviewViews.Totals(entries), entries, report.Version);
    }
}
