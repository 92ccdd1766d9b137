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
        return report is null || !report.IsVisibleTo(null) ? null : await ReviewViews.BuildAsync(session, report, asOf, ct);
    }
}
