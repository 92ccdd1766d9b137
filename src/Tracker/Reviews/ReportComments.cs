using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Tracker.Reviews;

/// <summary>
/// One public comment, a document of its own: a comment adds a row instead of rewriting its report's document, which
/// stays the size of its decisions however many people comment.
/// </summary>
public sealed record ReportComment(Guid Id, Guid ReportId, Guid PlanId, string Author, string Text, string? CommitmentCode,
    DateTimeOffset SubmittedAt)
{
    /// <summary>The comment as the review views show it.</summary>
    public PublicComment ToPublic() => new(Id, Author, Text, CommitmentCode, SubmittedAt);
}

/// <summary>Folds each <see cref="PublicCommentSubmitted"/> into its own <see cref="ReportComment"/>, inline so the commenter reads it back.</summary>
public sealed partial class ReportCommentProjection : EventProjection
{
    /// <summary>A comment becomes a row.</summary>
    public ReportComment Create(PublicCommentSubmitted e) =>
        new(e.CommentId, e.ReportId, e.PlanId, e.Author, e.Text, e.CommitmentCode, e.SubmittedAt);

    /// <summary>Registers the projection and the index the reads use.</summary>
    public static void Add(StoreOptions options)
    {
        options.Projections.Add<ReportCommentProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ReportComment>().Index(c => c.ReportId);
    }
}

/// <summary>Reads a report's comments in the order they came.</summary>
public static class ReportComments
{
    /// <summary>The comments on <paramref name="reportId"/>, those submitted by <paramref name="asOf"/> when given.</summary>
    public static async Task<IReadOnlyList<PublicComment>> LoadAsync(IQuerySession session, Guid reportId, DateTimeOffset? asOf, CancellationToken ct)
    {
        var query = session.Query<ReportComment>().Where(c => c.ReportId == reportId);
        if (asOf is { } at) query = query.Where(c => c.SubmittedAt <= at);
        var comments = await query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).ToListAsync(ct);
        return comments.Select(c => c.ToPublic()).ToList();
    }
}
