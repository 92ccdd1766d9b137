using Tracker.Infrastructure;
using Tracker.Ratings;

namespace Tracker.Milestones;

/// <summary>One progress report as the milestone keeps it.</summary>
public sealed record ProgressReport(ProgressLevel Level, int? Percent, string Narrative, IReadOnlyList<Evidence> Evidence,
    DateOnly AsOf, string ReportedBy, DateTimeOffset ReportedAt)
{
    /// <summary>The report with private evidence removed, for readers who may not see it.</summary>
    public ProgressReport PublicOnly() => this with { Evidence = Evidence.Where(e => e.Visibility == EvidenceVisibility.Public).ToList() };

    /// <summary>The report an event records.</summary>
    public static ProgressReport Of(MilestoneProgressReported e) => new(e.Level, e.Percent, e.Narrative, e.Evidence, e.AsOf, e.ReportedBy, e.ReportedAt);
}

/// <summary>Where a submitted report stands in the approval step.</summary>
public enum SubmissionStatus
{
    /// <summary>Waiting for the point of contact.</summary>
    Pending,
    /// <summary>Approved: reported, and public.</summary>
    Approved,
    /// <summary>Sent back to the lead institution, with a reason; never public.</summary>
    SentBack,
}

/// <summary>A report sent on a plan that asks for approval, and what became of it.</summary>
public sealed record Submission(int Number, ProgressReport Report, Guid? ReportedForInstitutionId, SubmissionStatus Status, string? Reason,
    string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>One move of the milestone's end date.</summary>
public sealed record Rebaseline(DateOnly PreviousEnd, DateOnly NewEnd, string Justification, string RebaselinedBy, DateTimeOffset RebaselinedAt);

/// <summary>
/// A milestone folded from its stream: what decisions need (withdrawn? which commitment? the earliest progress day,
/// which a plan's new period must keep) and its current state, the latest report. Stored inline, so a report reads its
/// own result. The progress history is not kept here but as one <see cref="ProgressRecord"/> per report: an append
/// rewrites a document of constant size, however long the stream.
/// </summary>
public sealed record Milestone(Guid Id, Guid CommitmentId, Guid PlanId, int Number, string Text, string? Deliverable, DateOnly PlannedStart,
    DateOnly PlannedEnd, DateOnly OriginalEnd, decimal Weight, bool Withdrawn, string? WithdrawnReason,
    ProgressReport? LatestProgress, DateOnly? EarliestProgressAsOf, int ProgressReports, IReadOnlyList<Rebaseline> Rebaselines,
    DateTimeOffset PlannedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The stream version: how many events the stream holds (send it back in If-Match).</summary>
    public long Version { get; set; }

    /// <summary>Starts the milestone.</summary>
    public static Milestone Create(MilestonePlanned e) => new(e.MilestoneId, e.CommitmentId, e.PlanId, e.Number, e.Text, e.Deliverable,
        e.PlannedStart, e.PlannedEnd, e.PlannedEnd, e.Weight, false, null, null, null, 0, [], e.PlannedAt, e.PlannedAt);

    /// <summary>
    /// Folds a progress report. The latest is the one with the latest "as of" day, then the latest reported; of two
    /// equal, the later one folded.
    /// </summary>
    public Milestone Apply(MilestoneProgressReported e)
    {
        var report = ProgressReport.Of(e);
        var latest = LatestProgress is { } l && (l.AsOf, l.ReportedAt).CompareTo((report.AsOf, report.ReportedAt)) > 0 ? l : report;
        return this with
        {
            LatestProgress = latest,
            EarliestProgressAsOf = EarliestProgressAsOf is { } earliest && earliest <= e.AsOf ? earliest : e.AsOf,
            ProgressReports = ProgressReports + 1,
            UpdatedAt = e.ReportedAt,
        };
    }

    /// <summary>Reports sent for approval (plans that ask for it); only approved ones reach the progress history.</summary>
    public IReadOnlyList<Submission> Submissions { get; init; } = [];

    /// <summary>Folds a report sent for approval: kept aside, not in the progress history, so no public read sees it.</summary>
    public Milestone Apply(MilestoneProgressSubmitted e) => this with
    {
        Submissions = [.. Submissions, new Submission(e.Submission, new ProgressReport(e.Level, e.Percent, e.Narrative, e.Evidence, e.AsOf, e.ReportedBy, e.ReportedAt),
            e.ReportedForInstitutionId, SubmissionStatus.Pending, null, null, null)],
        UpdatedAt = e.ReportedAt,
    };

    /// <summary>Folds an approval (the <see cref="MilestoneProgressReported"/> that comes with it puts the report in the progress history).</summary>
    public Milestone Apply(MilestoneProgressApproved e) => this with
    {
        Submissions = Submissions.Select(s => s.Number == e.Submission ? s with { Status = SubmissionStatus.Approved, DecidedBy = e.ApprovedBy, DecidedAt = e.ApprovedAt } : s).ToList(),
        UpdatedAt = e.ApprovedAt,
    };

    /// <summary>Folds a report sent back.</summary>
    public Milestone Apply(MilestoneProgressSentBack e) => this with
    {
        Submissions = Submissions.Select(s => s.Number == e.Submission
            ? s with { Status = SubmissionStatus.SentBack, Reason = e.Reason, DecidedBy = e.SentBackBy, DecidedAt = e.SentBackAt } : s).ToList(),
        UpdatedAt = e.SentBackAt,
    };

    /// <summary>The submission numbered <paramref name="number"/>, waiting for a decision; refuses otherwise.</summary>
    public Submission PendingSubmission(int number)
    {
        var submission = Submissions.FirstOrDefault(s => s.Number == number)
                         ?? throw new TrackerRuleBroken("submission.not_found", $"Milestone {Number} has no submission {number}.", RuleKind.NotFound);
        if (submission.Status != SubmissionStatus.Pending)
            throw new TrackerRuleBroken("submission.decided", $"Submission {number} was already {(submission.Status == SubmissionStatus.Approved ? "approved" : "sent back")}.", RuleKind.Conflict);
        return submission;
    }

    /// <summary>Folds a re-baselining.</summary>
    public Milestone Apply(MilestoneRebaselined e) => this with
    {
        PlannedEnd = e.NewEnd,
        Rebaselines = [.. Rebaselines, new Rebaseline(e.PreviousEnd, e.NewEnd, e.Justification, e.RebaselinedBy, e.RebaselinedAt)],
        UpdatedAt = e.RebaselinedAt,
    };

    /// <summary>Folds a withdrawal.</summary>
    public Milestone Apply(MilestoneWithdrawn e) => this with { Withdrawn = true, WithdrawnReason = e.Reason, UpdatedAt = e.WithdrawnAt };

    /// <summary>Refuses reports and re-baselining on a withdrawn milestone.</summary>
    public void EnsureLive()
    {
        if (Withdrawn)
            throw TrackerRuleBroken.InvalidField("milestoneId", "milestone.withdrawn", $"Milestone {Number} was withdrawn: {WithdrawnReason}");
    }
}
