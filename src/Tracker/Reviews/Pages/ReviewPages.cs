using Marten;
using Tracker.Infrastructure;
using Tracker.Plans;
using Tracker.PublicSite;

namespace Tracker.Reviews.Pages;

/// <summary>A review page's data; <paramref name="Comment"/> is the public comment form, while the report takes comments.</summary>
public sealed record ReviewPageModel(ReviewView Review, SiteAsOf AsOf, CommentForm? Comment = null);

/// <summary>The public comment form: what was typed, and the errors beside it.</summary>
public sealed record CommentForm(FormToken Token, string? Author, string? CommitmentCode, string? Text, FormErrors Errors)
{
    /// <summary>The form on the page of <paramref name="review"/> read now, when it is open for comment today; else null.</summary>
    public static CommentForm? For(HttpContext http, ReviewView review, SiteAsOf at) =>
        at.Instant is null && review.Status == ReportStatus.PublicComment
        && http.Today() is var today && today >= review.CommentsOpen && today <= review.CommentsClose
            ? new CommentForm(FormToken.For(http), null, null, null, FormErrors.None)
            : null;
}

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
                return SitePages.Render<PublicReviewPage>(http, new ReviewPageModel(review, at, CommentForm.For(http, review, at)));
            })
            .ExcludeFromDescription();

        // Civil society comments from the review page itself, through the same checks and decision as the API's comment.
        app.MapPost("/plans/{id:guid}/reviews/{kind}/comments", static async Task<IResult> (Guid id, string kind, IQuerySession session,
                HttpContext http, CancellationToken ct) =>
            {
                if (!ReviewRoutes.TryKind(kind, out var reportKind, out _))
                    return SitePages.NotFound(http, "Reviews are “midterm”, “end-of-term”, “action-plan-review” and “results-report”.");
                var form = await http.Request.ReadFormAsync(ct);
                var body = new SubmitCommentRequest(form.Text("author"), form.Text("text"), form.Text("commitmentCode"));
                var (command, invalid) = await PublicCommentingHandler.CommandAsync(body, id, reportKind, session, http.CallerOrNull(), ct);
                var problem = command is null ? invalid : (await Writes.Attempt<ReviewReport>(http, command)).Problem;
                var page = $"/plans/{id}/reviews/{ReviewRoutes.Slug(reportKind)}";
                if (problem is null) return FormPosts.SeeOther(http, page + "#comments");
                if (problem.Status == 404 || await PublicReviews.LoadAsync(session, id, reportKind, null, ct) is not { } review)
                    return SitePages.NotFound(http, "This plan has no review open for comment.");
                // Refused (a blank text, a code of another plan, a window that closed meanwhile): the page again, nothing typed lost.
                var at = new SiteAsOf(null, null);
                var comment = new CommentForm(FormToken.For(http), body.Author, body.CommitmentCode, body.Text, FormErrors.From(problem));
                return SitePages.Render<PublicReviewPage>(http, new ReviewPageModel(review, at, comment), problem.Status ?? 400);
            })
            .RequireFormToken()
            .WithName(Hardening.PublicCommentFormEndpoint)
            .ExcludeFromDescription();
    }
}
