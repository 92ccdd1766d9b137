using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.PublicSite;
using Tracker.SignIn;

namespace Tracker.Milestones.Pages;

/// <summary>
/// A commitment the signed-in ministry's institution leads, with its milestones as that institution sees them and the
/// reports it sent for approval (plans that ask for it).
/// </summary>
public sealed record LedCommitment(Commitment Commitment, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<(int Milestone, Submission Submission)> Submissions);

/// <summary>The ministry's starting page: what it leads, what is overdue and what falls due soon.</summary>
public sealed record MyCommitmentsModel(WorkbenchFrame Frame, IReadOnlyList<LedCommitment> Commitments, DateOnly Today, string? Notice)
{
    /// <summary>How far ahead "due soon" looks: the reminders' horizon.</summary>
    public const int DueSoonDays = 14;

    /// <summary>Not withdrawn, not complete, planned to end within <see cref="DueSoonDays"/> days and not yet overdue.</summary>
    public bool DueSoon(MilestoneView m) => !m.Withdrawn && !m.Overdue && m.LatestProgress?.Level != Ratings.ProgressLevel.Complete
        && m.PlannedEnd >= Today && m.PlannedEnd <= Today.AddDays(DueSoonDays);
}

/// <summary><c>/workbench/commitments</c>: the commitments the ministry's institution leads.</summary>
public static class MyCommitments
{
    /// <summary>Maps <c>GET /workbench/commitments</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/workbench/commitments", static async (string? reported, string? moved, string? submitted, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                var frame = await WorkbenchFrame.ForAsync(http, session, ct);
                var today = http.Today();
                return SitePages.Render<MyCommitmentsPage>(http, new MyCommitmentsModel(frame, await LoadAsync(session, frame.Caller, today, ct), today,
                    await NoticeAsync(session, frame.Caller, reported, moved, submitted, ct)));
            })
            .RequireAuthorization(Authentication.Ministry)
            .ExcludeFromDescription();

    // What the form before this page did, said only when the milestone named shows this person did it: a link with
    // ?reported= made up by anyone else must not tell a ministry that a report was saved.
    private static async Task<string?> NoticeAsync(IQuerySession session, Caller caller, string? reported, string? moved, string? submitted,
        CancellationToken ct)
    {
        if (!Guid.TryParse(reported ?? moved ?? submitted, out var milestoneId) || await session.LoadAsync<Milestone>(milestoneId, ct) is not { } milestone)
            return null;
        if (reported is not null)
            return milestone.LatestProgress?.ReportedBy == caller.UserId ? "Your progress report was saved." : null;
        if (moved is not null)
            return milestone.Rebaselines.LastOrDefault()?.RebaselinedBy == caller.UserId ? "The milestone’s new end date was saved." : null;
        return milestone.Submissions.LastOrDefault() is { Status: SubmissionStatus.Pending } pending && pending.Report.ReportedBy == caller.UserId
            ? "Your progress report was sent for approval. The public sees it once the point of contact approves it."
            : null;
    }

    /// <summary>The commitments <paramref name="caller"/>'s institution leads, by code, with their milestones.</summary>
    public static async Task<IReadOnlyList<LedCommitment>> LoadAsync(IQuerySession session, Caller caller, DateOnly today, CancellationToken ct)
    {
        if (caller.InstitutionId is not { } institution) return [];
        var commitments = await session.Query<Commitment>().Where(c => c.Text.LeadInstitutionId == institution).OrderBy(c => c.Code).ToListAsync(ct);
        var ids = commitments.Select(c => c.Id).ToArray();
        var milestones = ids.Length == 0 ? [] : await session.Query<Milestone>().Where(m => m.CommitmentId.IsOneOf(ids)).ToListAsync(ct);
        var progress = ids.Length == 0 ? ProgressHistory.ByMilestone([])
            : ProgressHistory.ByMilestone(await session.Query<ProgressRecord>().Where(r => r.CommitmentId.IsOneOf(ids)).ToListAsync(ct));
        return commitments.Select(c =>
        {
            var own = milestones.Where(m => m.CommitmentId == c.Id).OrderBy(m => m.Number).ToList();
            return new LedCommitment(c, own.Select(m => MilestoneView.Of(m, progress[m.Id], showPrivateEvidence: true, today)).ToList(),
                own.SelectMany(m => m.Submissions.Select(s => (m.Number, s))).OrderByDescending(x => x.s.Report.ReportedAt).ToList());
        }).ToList();
    }
}
