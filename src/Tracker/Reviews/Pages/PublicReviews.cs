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
        var inputs = await ReviewInputsLoader.LoadAsync(session, planId, kind, ct);
        if (inputs is null) return null;
        // As of a day, the report is the one folded up to then (its status and comments then); its ratings are the
        // frozen ones once published, so time travel needs nothing more for a published report.
        var report = asOf is null ? inputs.Report : await AsOf.Load<ReviewReport>(session, inputs.Report.Id, asOf, ct);
        if (report is null || !report.IsVisibleTo(null)) return null;
        var entries = report.Status == ReportStatus.Published ? report.Published : ReviewSheet.Build(inputs with { Report = report });
        return new ReviewView(report.Id, planId, inputs.Plan.Title, report.Kind, report.Status, report.Cutoff, report.StarRule, report.Imported,
            report.Reviewers, report.CommentsOpen, report.CommentsClose, report.Comments, report.Errata, report.PublishedAt, report.SourceSequence,
            ReviewViews.Totals(entries), entries, report.Version);
    }
}
