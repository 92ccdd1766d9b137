using Tracker.Ratings;

namespace Tracker.Milestones;

/// <summary>Who may see a piece of evidence.</summary>
public enum EvidenceVisibility
{
    /// <summary>Anyone, anonymous readers included.</summary>
    Public,
    /// <summary>Admins, reviewers and the lead institution's staff only.</summary>
    Private,
}

/// <summary>A link that backs a progress report.</summary>
public sealed record Evidence(string Title, string Url, EvidenceVisibility Visibility);

/// <summary>A milestone of a commitment was planned.</summary>
/// <param name="Weight">Its share in the commitment's computed completion (1 unless the plan weighs milestones).</param>
public sealed record MilestonePlanned(Guid MilestoneId, Guid CommitmentId, Guid PlanId, int Number, string Text, string? Deliverable,
    DateOnly PlannedStart, DateOnly PlannedEnd, decimal Weight, string PlannedBy, DateTimeOffset PlannedAt);

/// <summary>The lead institution reported the milestone's progress as it stood on <paramref name="AsOf"/>.</summary>
public sealed record MilestoneProgressReported(Guid MilestoneId, Guid CommitmentId, Guid PlanId, ProgressLevel Level, int? Percent,
    string Narrative, IReadOnlyList<Evidence> Evidence, DateOnly AsOf, string ReportedBy, Guid? ReportedForInstitutionId,
    DateTimeOffset ReportedAt);

/// <summary>The milestone's end date moved, with the justification (e.g. the 2020 COVID extensions).</summary>
public sealed record MilestoneRebaselined(Guid MilestoneId, Guid CommitmentId, Guid PlanId, DateOnly PreviousEnd, DateOnly NewEnd,
    string Justification, string RebaselinedBy, DateTimeOffset RebaselinedAt);

/// <summary>The milestone was withdrawn.</summary>
public sealed record MilestoneWithdrawn(Guid MilestoneId, Guid CommitmentId, Guid PlanId, string Reason, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>
/// The lead institution sent a progress report on a plan that asks for approval: not public until the point of
/// contact approves it. <paramref name="Submission"/> numbers the milestone's submissions from 1.
/// </summary>
public sealed record MilestoneProgressSubmitted(Guid MilestoneId, Guid CommitmentId, Guid PlanId, int Submission, ProgressLevel Level, int? Percent,
    string Narrative, IReadOnlyList<Evidence> Evidence, DateOnly AsOf, string ReportedBy, Guid? ReportedForInstitutionId,
    DateTimeOffset ReportedAt);

/// <summary>The point of contact approved a submitted report; it is reported (public) from now on.</summary>
public sealed record MilestoneProgressApproved(Guid MilestoneId, Guid CommitmentId, Guid PlanId, int Submission, string ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>The point of contact sent a submitted report back to the lead institution, saying why; it never becomes public.</summary>
public sealed record MilestoneProgressSentBack(Guid MilestoneId, Guid CommitmentId, Guid PlanId, int Submission, string Reason, string SentBackBy,
    DateTimeOffset SentBackAt);
