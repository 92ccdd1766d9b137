using JasperFx.Events.Projections;
using Marten;

namespace Tracker.Reviews;

/// <summary>The reviews slice: its projection and its routes.</summary>
public static class ReviewsModule
{
    /// <summary>Reports are folded inline so a reviewer reads their own assessment back.</summary>
    public static void AddReviews(StoreOptions options)
    {
        StoredBeforeTypedRatings.Register(options);
        options.Projections.Snapshot<ReviewReport>(SnapshotLifecycle.Inline);
    }

    /// <summary>Maps <c>/api/plans/{planId}/reviews/{kind}…</c>.</summary>
    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        OpenReviewReportHandler.Map(app);
        AssignReviewerHandler.Map(app);
        RecordAssessmentHandler.Map(app);
        PublicCommentingHandler.Map(app);
        PublishReviewReportHandler.Map(app);
        IssueErratumHandler.Map(app);
        ReviewViews.Map(app);
        return app;
    }
}
