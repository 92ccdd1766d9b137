using Marten;
using Tracker.Infrastructure;
using Tracker.Reviews;

namespace Tracker.Commitments;

/// <summary>Who may read a commitment's private evidence, with what that takes to know: the plan's review assignments.</summary>
public static class PrivateEvidence
{
    /// <summary>
    /// Admins, the lead institution's staff, and the reviewers assigned to a report of the commitment's plan; a reviewer of
    /// another plan is public as far as this plan's private evidence goes.
    /// </summary>
    public static async Task<bool> ShownToAsync(IQuerySession session, Commitment commitment, Caller? reader, CancellationToken ct)
    {
        if (reader?.Role != TrackerRole.Reviewer) return commitment.ShowsPrivateEvidenceTo(reader, reviewsThePlan: false);
        // Every kind, both methods': the reviewers of an action plan review or a results report read the evidence too.
        var reports = await session.LoadManyAsync<ReviewReport>(ct, Enum.GetValues<ReportKind>().Select(kind => ReviewReport.IdFor(commitment.PlanId, kind)));
        return commitment.ShowsPrivateEvidenceTo(reader, reviewsThePlan: reports.Any(r => r.IsReviewedBy(reader)));
    }
}
