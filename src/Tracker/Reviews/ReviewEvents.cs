using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>The kind of an independent review report.</summary>
public enum ReportKind
{
    /// <summary>The IRM Progress Report, at the midterm cutoff.</summary>
    Midterm,
    /// <summary>The end-of-term report.</summary>
    EndOfTerm,
    /// <summary>The IRM Action Plan Review (method since 2021): each commitment's design, at the start of the plan.</summary>
    ActionPlanReview,
    /// <summary>The IRM Results Report (method since 2021): completion and early results, at the end of the plan.</summary>
    ResultsReport,
}

/// <summary>What a reviewer assesses for a commitment (IRM 2011-2020 method).</summary>
public enum Indicator
{
    /// <summary>None, Low, Medium, High.</summary>
    Specificity,
    /// <summary>The set of OGP values it is relevant to (comma-separated OgpValue names; empty for none).</summary>
    Relevance,
    /// <summary>Yes/No relevance recorded without per-value ratings (IRM reviews since 2020).</summary>
    Relevant,
    /// <summary>None, Minor, Moderate, Transformative.</summary>
    PotentialImpact,
    /// <summary>NotStarted, Limited, Substantial, Complete, Withdrawn.</summary>
    Completion,
    /// <summary>Yes or No.</summary>
    OnTime,
    /// <summary>Did it open government? Overall.</summary>
    DidItOpenGovernment,
    /// <summary>Did it open government? Access to information.</summary>
    DiogAccessToInformation,
    /// <summary>Did it open government? Civic participation.</summary>
    DiogCivicParticipation,
    /// <summary>Did it open government? Public accountability.</summary>
    DiogPublicAccountability,
    /// <summary>Action Plan Review: Yes/No, is the commitment specific enough to verify.</summary>
    Verifiable,
    /// <summary>Action Plan Review: Yes/No, does it make government more transparent, participatory or accountable.</summary>
    OpenGovernmentLens,
    /// <summary>Action Plan Review: Unclear, Modest, Substantial.</summary>
    PotentialForResults,
    /// <summary>Action Plan Review: Yes/No, the reviewer's judgement that the commitment is promising (with a rationale).</summary>
    Promising,
    /// <summary>Results Report: NoEvidenceAvailable, NotStarted, Limited, Substantial, Complete.</summary>
    ResultsCompletion,
    /// <summary>Results Report: NoneToReportYet, NoNotableResults, Moderate, Significant, Outstanding.</summary>
    EarlyResults,
}

/// <summary>A review report was opened for a plan, with its cutoff and the star rule it applies.</summary>
/// <param name="Imported">True for historical IRM reports brought in by the OGP import.</param>
public sealed record ReviewReportOpened(Guid ReportId, Guid PlanId, ReportKind Kind, DateOnly Cutoff, StarRule StarRule,
    bool Imported, string OpenedBy, DateTimeOffset OpenedAt);

/// <summary>An independent reviewer was assigned to the report; the lead reviewer records final values.</summary>
/// <param name="InstitutionId">The institution the reviewer belongs to, if any: they may not assess what it leads.</param>
public sealed record ReviewerAssigned(Guid ReportId, Guid PlanId, string ReviewerId, string Name, Guid? InstitutionId, bool IsLead,
    string AssignedBy, DateTimeOffset AssignedAt);

/// <summary>A reviewer recorded an assessment of one indicator of one commitment.</summary>
/// <param name="Score">The indicator and its rating on the indicator's scale.</param>
/// <param name="IsFinal">True when the lead reviewer records the panel's final value.</param>
public sealed record AssessmentRecorded(Guid ReportId, Guid PlanId, Guid CommitmentId, Score Score, string? Rationale, string ReviewerId,
    bool IsFinal, DateTimeOffset RecordedAt);

/// <summary>The draft was sent to public comment for a window.</summary>
public sealed record ReviewReportSentToPublicComment(Guid ReportId, Guid PlanId, DateOnly CommentsOpen, DateOnly CommentsClose,
    string SentBy, DateTimeOffset SentAt);

/// <summary>Someone commented on the report while the window was open.</summary>
public sealed record PublicCommentSubmitted(Guid ReportId, Guid PlanId, Guid CommentId, string Author, string Text, string? CommitmentCode,
    DateTimeOffset SubmittedAt);

/// <summary>The report was published: the ratings are frozen as they stood, with the events they came from.</summary>
public sealed record ReviewReportPublished(Guid ReportId, Guid PlanId, IReadOnlyList<CommitmentReview> Ratings, long SourceSequence,
    string PublishedBy, DateTimeOffset PublishedAt);

/// <summary>A published rating was corrected, with the reason.</summary>
/// <param name="Score">The indicator corrected and its new rating.</param>
/// <param name="Corrected">
/// The commitment's entry as corrected, every dependent rating computed when the erratum was issued: from then on a fact,
/// never recomputed. Errata recorded before it was carried (null here) are corrected by the rules when folded.
/// </param>
public sealed record ErratumIssued(Guid ReportId, Guid PlanId, Guid CommitmentId, Score Score, string Reason, string IssuedBy,
    DateTimeOffset IssuedAt, CommitmentReview? Corrected = null);
