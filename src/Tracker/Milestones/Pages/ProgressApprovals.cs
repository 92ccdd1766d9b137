using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Milestones.Reporting;
using Tracker.PublicSite;
using Tracker.SignIn;

namespace Tracker.Milestones.Pages;

/// <summary>A report waiting for the point of contact.</summary>
public sealed record PendingReport(Commitment Commitment, Milestone Milestone, Submission Submission);

/// <summary>The approvals page: what waits, and the item a refused decision belongs to.</summary>
public sealed record ApprovalsModel(WorkbenchFrame Frame, IReadOnlyList<PendingReport> Pending, string? FailedItem, string? Reason, FormErrors Errors, string? Notice)
{
    /// <summary>The id of one item's form.</summary>
    public static string ItemId(Guid milestoneId, int submission) => $"submission-{milestoneId:N}-{submission}";
}

/// <summary>
/// <c>/workbench/approvals</c>: the point of contact approves submitted progress reports, or sends them back with a
/// reason, through the API's own commands (<see cref="ApproveMilestoneProgressHandler"/>).
/// </summary>
public static class ProgressApprovals
{
    /// <summary>Maps the page and its form post.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/workbench/approvals", static async (string? done, IQuerySession session, HttpContext http, CancellationToken ct) =>
                await Render(http, session, null, null, FormErrors.None,
                    done switch { "approved" => "Approved: the report is public now.", "sent-back" => "Sent back to the lead institution with your reason.", _ => null }, 200, ct))
            .RequireAuthorization(Authentication.Admin)
            .ExcludeFromDescription();

        app.MapPost("/workbench/milestones/{milestoneId:guid}/submissions/{submission:int}", static async (Guid milestoneId, int submission,
                IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var version = long.TryParse(form.Text("version"), out var v) ? v : (long?)null;
                var reason = form.Text("reason");
                // Only the two buttons' values decide: anything else (a missing or altered decision) approves nothing.
                var decision = form.Text("decision");
                var sendBack = decision == "send-back";
                var item = ApprovalsModel.ItemId(milestoneId, submission);
                var shape = new FieldErrors()
                    .Check("decision", decision is "approve" or "send-back", "Choose Approve or Send back.");
                if (sendBack) shape.Text("reason", reason, max: 5_000);
                shape.Check("version", version is not null, "The form lost the version it was read at: open the page again.");
                var outcome = shape.Any
                    ? new WriteOutcome<Milestone>(null, shape.Details())
                    : await Writes.Attempt<Milestone>(http, sendBack
                        ? new SendBackMilestoneProgress(milestoneId, submission, reason!, version, http.Caller())
                        : new ApproveMilestoneProgress(milestoneId, submission, version, http.Caller()));
                if (outcome.Problem is null) return FormPosts.SeeOther(http, $"/workbench/approvals?done={(sendBack ? "sent-back" : "approved")}");
                return outcome.Problem.Status switch
                {
                    404 => SitePages.NotFound(http, "Tracker holds no such submission."),
                    403 => SitePages.Render<ErrorPage>(http, new ErrorModel("You may not decide on this report", outcome.Problem.Detail ?? "", "Another person must check it."), 403),
                    var status => await Render(http, session, item, reason, outcome.Problem.Extensions.TryGetValue("code", out var code) && code as string == "version.stale"
                        ? new FormErrors("The milestone changed since you opened this page; nothing was saved. Its report is shown again as it stands now.", new Dictionary<string, string[]>())
                        : FormErrors.From(outcome.Problem), null, status ?? 400, ct),
                };
            })
            .RequireAuthorization(Authentication.Admin)
            .RequireFormToken()
            .WithName("DecideProgressSubmissionForm")
            .ExcludeFromDescription();
    }

    private static async Task<IResult> Render(HttpContext http, IQuerySession session, string? failedItem, string? reason, FormErrors errors, string? notice,
        int status, CancellationToken ct)
    {
        var milestones = await session.Query<Milestone>().Where(m => m.Submissions.Any(s => s.Status == SubmissionStatus.Pending)).ToListAsync(ct);
        var commitments = (await session.LoadManyAsync<Commitment>(ct, milestones.Select(m => m.CommitmentId).Distinct())).ToDictionary(c => c.Id);
        var pending = milestones.Where(m => commitments.ContainsKey(m.CommitmentId))
            .SelectMany(m => m.Submissions.Where(s => s.Status == SubmissionStatus.Pending).Select(s => new PendingReport(commitments[m.CommitmentId], m, s)))
            .OrderBy(p => p.Submission.Report.ReportedAt).ToList();
        return SitePages.Render<ProgressApprovalsPage>(http, new ApprovalsModel(await WorkbenchFrame.ForAsync(http, session, ct), pending, failedItem, reason, errors, notice), status);
    }
}
