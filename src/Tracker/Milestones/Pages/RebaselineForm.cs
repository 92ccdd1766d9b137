using System.Globalization;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.PublicSite;
using Tracker.SignIn;

namespace Tracker.Milestones.Pages;

/// <summary>The re-baselining form as typed.</summary>
public sealed record RebaselineFields(string? NewEnd, string? Justification);

/// <summary>The re-baselining form page.</summary>
public sealed record RebaselineFormModel(WorkbenchFrame Frame, Commitment Commitment, MilestoneView Milestone, RebaselineFields Fields, long Version,
    FormErrors Errors, StoredNow? Conflict);

/// <summary>
/// <c>/workbench/milestones/{id}/rebaseline</c>: the lead institution moves a milestone's end date, with its justification,
/// through the API's own command (<see cref="RebaselineMilestoneHandler"/>).
/// </summary>
public static class RebaselineForm
{
    /// <summary>Maps GET and POST <c>/workbench/milestones/{milestoneId}/rebaseline</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/workbench/milestones/{milestoneId:guid}/rebaseline", static async (Guid milestoneId, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                var (refusal, milestone, commitment) = await WorkbenchMilestone.LoadAsync(session, http, milestoneId, ct);
                if (refusal is not null) return refusal;
                return await Render(http, session, milestone!, commitment!, new RebaselineFields(Words.Iso(milestone!.PlannedEnd), null),
                    milestone.Version, FormErrors.None, null, 200, ct);
            })
            .RequireAuthorization(Authentication.Ministry)
            .ExcludeFromDescription();

        app.MapPost("/workbench/milestones/{milestoneId:guid}/rebaseline", static async (Guid milestoneId, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var fields = new RebaselineFields(form.Text("newEnd"), form.Text("justification"));
                var version = long.TryParse(form.Text("version"), out var v) ? v : (long?)null;
                DateOnly? newEnd = DateOnly.TryParseExact(fields.NewEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                var request = new RebaselineMilestoneRequest(newEnd, fields.Justification);
                var shape = RebaselineMilestoneHandler.ShapeErrors(request).Details().Errors;
                if (fields.NewEnd is not null && newEnd is null) shape["newEnd"] = ["Must be a day written as year-month-day, e.g. 2024-06-30."];
                if (version is null) shape["version"] = ["The form lost the version it was read at: open it again."];
                var outcome = shape.Count > 0
                    ? new WriteOutcome<Milestone>(null, Problems.Validation(shape))
                    : await Writes.Attempt<Milestone>(http, RebaselineMilestoneHandler.Command(milestoneId, request, version, http.Caller()));
                if (outcome.Problem is null) return FormPosts.SeeOther(http, $"/workbench/commitments?moved={milestoneId}");
                return await WorkbenchMilestone.Refused(http, session, milestoneId, outcome.Problem, ct, (milestone, commitment, errors, conflict, status) =>
                    Render(http, session, milestone, commitment, fields, conflict?.Milestone.Version ?? version ?? milestone.Version, errors, conflict, status, ct));
            })
            .RequireAuthorization(Authentication.Ministry)
            .RequireFormToken()
            .WithName("RebaselineMilestoneForm")
            .ExcludeFromDescription();
    }

    private static async Task<IResult> Render(HttpContext http, IQuerySession session, Milestone milestone, Commitment commitment, RebaselineFields fields,
        long version, FormErrors errors, StoredNow? conflict, int status, CancellationToken ct) =>
        SitePages.Render<RebaselineFormPage>(http, new RebaselineFormModel(await WorkbenchFrame.ForAsync(http, session, ct), commitment,
            MilestoneView.Of(milestone, await ProgressHistory.OfMilestoneAsync(session, milestone.Id, null, ct), showPrivateEvidence: true, http.Today()), fields, version, errors, conflict), status);
}
