using Marten;
using Microsoft.AspNetCore.Mvc;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.PublicSite;

namespace Tracker.Milestones.Pages;

/// <summary>What the milestone forms share: who may open them, and how a refusal of the API's command is shown.</summary>
public static class WorkbenchMilestone
{
    /// <summary>
    /// The milestone and its commitment, or the page that refuses: 404 when there is none, 403 when the signed-in ministry's
    /// institution does not lead it (the same rule as the command's, checked before anything of it is shown).
    /// </summary>
    public static async Task<(IResult? Refusal, Milestone? Milestone, Commitment? Commitment)> LoadAsync(IQuerySession session, HttpContext http,
        Guid milestoneId, CancellationToken ct)
    {
        if (await session.LoadAsync<Milestone>(milestoneId, ct) is not { } milestone
            || await session.LoadAsync<Commitment>(milestone.CommitmentId, ct) is not { } commitment)
            return (SitePages.NotFound(http, "Tracker holds no such milestone."), null, null);
        if (!commitment.IsLedBy(http.CallerOrNull())) return (Forbidden(http, commitment), null, null);
        return (null, milestone, commitment);
    }

    /// <summary>The 403 page: only the lead institution's staff write to its milestones.</summary>
    public static IResult Forbidden(HttpContext http, Commitment? commitment) =>
        SitePages.Render<ErrorPage>(http, new ErrorModel("You may not change this milestone",
            $"Only staff of the institution that leads {commitment?.Code ?? "this commitment"} may report on its milestones or move their dates.",
            "Your institution’s own commitments are listed on your workbench."), 403);

    /// <summary>
    /// A refusal of the command, as a page: 403 and 404 as pages of their own (nothing of the milestone shown); a stale
    /// version as the form again beside what is stored now; anything else as the form again with the errors.
    /// </summary>
    public static async Task<IResult> Refused(HttpContext http, IQuerySession session, Guid milestoneId, ProblemDetails problem, CancellationToken ct,
        Func<Milestone, Commitment, FormErrors, StoredNow?, int, Task<IResult>> form)
    {
        var status = problem.Status ?? 400;
        var (refusal, milestone, commitment) = await LoadAsync(session, http, milestoneId, ct);
        if (refusal is not null) return refusal;
        if (status == 403) return Forbidden(http, commitment);
        if (status == 409 && problem.Extensions.TryGetValue("code", out var code) && code as string == "version.stale")
            return await form(milestone!, commitment!, new FormErrors(
                "Someone changed this milestone after you opened the form. Nothing was saved: compare what you sent with what is stored now, then send again if yours should stand.",
                new Dictionary<string, string[]>()), new StoredNow(MilestoneView.Of(milestone!, await ProgressHistory.OfMilestoneAsync(session, milestone!.Id, null, ct), showPrivateEvidence: true, http.Today())), 409);
        return await form(milestone!, commitment!, FormErrors.From(problem), null, status);
    }
}
