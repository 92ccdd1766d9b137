using System.Security.Cryptography;
using System.Text;
using Tracker.Infrastructure;
using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>Where a review report stands in its lifecycle.</summary>
public enum ReportStatus
{
    /// <summary>Reviewers are recording assessments; visible to its reviewers and admins only.</summary>
    Draft,
    /// <summary>Open for public comment; still not published.</summary>
    PublicComment,
    /// <summary>Published and immutable; corrected only by errata.</summary>
    Published,
}

/// <summary>A reviewer assigned to a report.</summary>
public sealed record Reviewer(string ReviewerId, string Name, Guid? InstitutionId, bool IsLead);

/// <summary>One recorded assessment.</summary>
public sealed record Assessment(Guid CommitmentId, Score Score, string? Rationale, string ReviewerId, bool IsFinal, DateTimeOffset RecordedAt)
{
    /// <summary>The indicator assessed.</summary>
    public Indicator Indicator => Score.Indicator;
}

/// <summary>A public comment on the report.</summary>
public sealed record PublicComment(Guid CommentId, string Author, string Text, string? CommitmentCode, DateTimeOffset SubmittedAt);

/// <summary>A correction of a published rating.</summary>
public sealed record Erratum(Guid CommitmentId, Score Score, string Reason, string IssuedBy, DateTimeOffset IssuedAt);

/// <summary>
/// A review report folded from its stream (one per plan and kind): the write model of every review decision and
/// the frozen ratings once published. Stored inline so a reviewer reads their own assessment back. Public comments are
/// counted here, not kept: they are <see cref="ReportComment"/> documents.
/// </summary>
public sealed record ReviewReport(Guid Id, Guid PlanId, ReportKind Kind, DateOnly Cutoff, StarRule StarRule, bool Imported,
    ReportStatus Status, IReadOnlyList<Reviewer> Reviewers, IReadOnlyList<Assessment> Assessments, DateOnly? CommentsOpen,
    DateOnly? CommentsClose, int CommentCount, IReadOnlyList<CommitmentReview> Published,
    IReadOnlyList<Erratum> Errata, long? SourceSequence, DateTimeOffset OpenedAt, DateTimeOffset? PublishedAt)
{
    /// <summary>The stream version: how many events the stream holds (send it back in If-Match).</summary>
    public long Version { get; set; }

    /// <summary>The IRM method the report follows.</summary>
    public ReviewMethod Method => ReviewMethods.Of(Kind);

    /// <summary>The report stream of a plan and kind: derived, so there is one per plan and kind and routes need no lookup.</summary>
    public static Guid IdFor(Guid planId, ReportKind kind) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"tracker/review-report/{planId:N}/{kind}")));

    /// <summary>Starts the report.</summary>
    public static ReviewReport Create(ReviewReportOpened e) => new(e.ReportId, e.PlanId, e.Kind, e.Cutoff, e.StarRule, e.Imported,
        ReportStatus.Draft, [], [], null, null, 0, [], [], null, e.OpenedAt, null);

    /// <summary>A report just opened, at version 1: the start of an in-memory fold (<see cref="Then"/>).</summary>
    public static ReviewReport Started(ReviewReportOpened e)
    {
        var report = Create(e);
        report.Version = 1;
        return report;
    }

    /// <summary>
    /// This report with <paramref name="e"/> folded in and its version moved on, as Marten folds it: for writers that take
    /// several decisions in a row before one append (the OGP import, the demo loader), so each decision sees the last.
    /// </summary>
    public ReviewReport Then(object e)
    {
        var next = e switch
        {
            ReviewerAssigned assigned => Apply(assigned),
            AssessmentRecorded recorded => Apply(recorded),
            ReviewReportSentToPublicComment sent => Apply(sent),
            PublicCommentSubmitted comment => Apply(comment),
            ReviewReportPublished published => Apply(published),
            ErratumIssued erratum => Apply(erratum),
            _ => throw new ArgumentException($"A review report does not fold {e.GetType().Name}.", nameof(e)),
        };
        next.Version = Version + 1;
        return next;
    }

    /// <summary>Folds an assignment.</summary>
    public ReviewReport Apply(ReviewerAssigned e) => this with
    {
        Reviewers = [.. Reviewers.Where(r => r.ReviewerId != e.ReviewerId), new Reviewer(e.ReviewerId, e.Name, e.InstitutionId, e.IsLead)],
    };

    /// <summary>Folds an assessment.</summary>
    public ReviewReport Apply(AssessmentRecorded e) => this with
    {
        Assessments = [.. Assessments, new Assessment(e.CommitmentId, e.Score, e.Rationale, e.ReviewerId, e.IsFinal, e.RecordedAt)],
    };

    /// <summary>Folds the start of public comment.</summary>
    public ReviewReport Apply(ReviewReportSentToPublicComment e) =>
        this with { Status = ReportStatus.PublicComment, CommentsOpen = e.CommentsOpen, CommentsClose = e.CommentsClose };

    /// <summary>Folds a comment: only its count, which the cap needs; the comment itself is a document of its own (<see cref="ReportComment"/>).</summary>
    public ReviewReport Apply(PublicCommentSubmitted e) => this with { CommentCount = CommentCount + 1 };

    /// <summary>Folds the publication: the ratings as frozen then.</summary>
    public ReviewReport Apply(ReviewReportPublished e) => this with
    {
        Status = ReportStatus.Published, Published = e.Ratings, SourceSequence = e.SourceSequence, PublishedAt = e.PublishedAt,
    };

    /// <summary>
    /// Folds an erratum: the entry as the erratum froze it replaces the published one, so a rebuild under changed rules
    /// leaves published ratings as they were issued.
    /// </summary>
    public ReviewReport Apply(ErratumIssued e) => this with
    {
        Errata = [.. Errata, new Erratum(e.CommitmentId, e.Score, e.Reason, e.IssuedBy, e.IssuedAt)],
        Published = Published.Select(r => r.CommitmentId != e.CommitmentId ? r : e.Corrected ?? r.Corrected(e.Score, Kind, StarRule)).ToList(),
    };

    /// <summary>The reviewer with this id, if assigned.</summary>
    public Reviewer? ReviewerWithId(string userId) => Reviewers.FirstOrDefault(r => r.ReviewerId == userId);

    /// <summary>Admins, and the reviewers assigned to this report: role and assignment both, never the user id alone.</summary>
    public bool IsReviewedBy(Caller? caller) =>
        caller?.Role == TrackerRole.Admin || (caller?.Role == TrackerRole.Reviewer && ReviewerWithId(caller.UserId) is not null);

    /// <summary>Drafts are for the plan's reviewers and admins; a report out for public comment or published is for everyone.</summary>
    public bool IsVisibleTo(Caller? caller) => Status != ReportStatus.Draft || IsReviewedBy(caller);

    /// <summary>Refuses changes once published: corrections go through errata.</summary>
    public void EnsureNotPublished()
    {
        if (Status == ReportStatus.Published)
            throw new TrackerRuleBroken("report.published", "The report is published and immutable; corrections are errata.", RuleKind.Conflict);
    }
}
