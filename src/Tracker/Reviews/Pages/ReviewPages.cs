using Marten;
using Tracker.Infrastructure;
using Tracker.Plans;
using Tracker.PublicSite;

namespace Tracker.Reviews.Pages;

/// <summary>A review page's data.</summary>
public sealed record ReviewPageModel(ReviewView Review, SiteAsOf AsOf);

/// <summary>The midterm and end-of-term review pages of a plan.</summary>
public static class ReviewPages
{
    /// <summary>Maps <c>/plans/{id}/reviews/{midterm|end-of-term}</c>, and the workbench pages of reviewers and of the point of contact.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ReviewerWorkbench.Map(app);
        ReviewAdmin.Map(app);
        app.MapGet("/plans/{id}/reviews/{kind}", static async Task<IResult> (string id, string kind, string? asOf, IQuerySession session,
                HttpContext http, CancellationToken ct) =>
            {
                if (!SitePages.TryAsOf(http, asOf, out var at, out var refusal)) return refusal!;
                if (!Guid.TryParse(id, out var planId) || await AsOf.Load<Plan>(session, planId, at.Instant, ct) is null)
                    return SitePages.NotFound(http, $"Tracker holds no plan “{id}”{(at.Instant is null ? "" : " on that day")}.");
                if (!ReviewRoutes.TryKind(kind, out var reportKind, out _))
                    return SitePages.NotFound(http, "Reviews are “midterm”, “end-of-term”, “action-plan-review” and “results-report”.");
                // Drafts are not the public's: a plan whose review is still a draft has, for the public, no review yet.
                if (await PublicReviews.LoadAsync(session, planId, reportKind, at.Instant, ct) is not { } review)
                    return SitePages.NotFound(http, $"This plan has no {Words.Report(reportKind)} published or open for comment{(at.Instant is null ? "" : " on that day")}.");
                return SitePages.Render<PublicReviewPage>(http, new ReviewPageModel(review, at));
            })
            .ExcludeFromDescription();
    }
}
