using Marten;
using Microsoft.AspNetCore.Mvc;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Plans;
using Tracker.PublicSite;
using Tracker.Ratings;
using Tracker.SignIn;
using Wolverine;

namespace Tracker.Reviews.Pages;

/// <summary>A plan on the point of contact's list, with the reports it has.</summary>
public sealed record AdminPlan(Plan Plan, IReadOnlyList<ReviewReport> Reports);

/// <summary><c>/workbench/admin</c>: every plan and its reports.</summary>
public sealed record AdminHomeModel(WorkbenchFrame Frame, IReadOnlyList<AdminPlan> Plans);

/// <summary>What a refused form sent, and why: the form's name, the fields as typed, the API's problem details.</summary>
public sealed record RefusedForm(string Form, IReadOnlyDictionary<string, string> Sent, FormErrors Errors, bool Stale)
{
    /// <summary>What was typed in <paramref name="field"/> of <paramref name="form"/>, when that form was refused.</summary>
    public string? Value(string form, string field) => Form == form && Sent.TryGetValue(field, out var value) ? value : null;

    /// <summary>The errors of <paramref name="form"/> (none for the page's other forms).</summary>
    public FormErrors ErrorsOf(string form) => Form == form ? Errors : FormErrors.None;
}

/// <summary><c>/workbench/admin/plans/{planId}</c>: a plan's reports and the form that opens one.</summary>
public sealed record AdminPlanModel(WorkbenchFrame Frame, Plan Plan, IReadOnlyList<ReviewReport> Reports, RefusedForm? Refused,
    IReadOnlyList<Commitment> Commitments, ILookup<Guid, Tracker.Milestones.Milestone> Milestones, string? Done);

/// <summary><c>/workbench/admin/reviews/{planId}/{kind}</c>: one report and the point of contact's forms for its stage.</summary>
public sealed record AdminReportModel(WorkbenchFrame Frame, ReviewReport Report, string PlanTitle, IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<Institution> Institutions, RefusedForm? Refused, string? Done);

/// <summary>
/// The point of contact's review pages (issue 13): open a plan's reports, assign reviewers, send to public comment,
/// publish, issue errata. Each form is read into the API's own request, checked by the API's own validation, and sent as
/// the API's own command through the same bus and checks (<see cref="Writes.Attempt{TAggregate}"/>): one write path.
/// </summary>
public static class ReviewAdmin
{
    /// <summary>The point of contact's starting page.</summary>
    public const string Home = "/workbench/admin";

    /// <summary>A plan's page.</summary>
    public static string PlanPath(Guid planId) => $"{Home}/plans/{planId}";

    /// <summary>A report's page.</summary>
    public static string ReportPath(Guid planId, ReportKind kind) => $"{Home}/reviews/{planId}/{ReviewRoutes.Slug(kind)}";

    /// <summary>Maps the pages and their forms.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Home, static async (IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var frame = await WorkbenchFrame.ForAsync(http, session, ct);
                var plans = await session.Query<Plan>().OrderBy(p => p.Title).ToListAsync(ct);
                var reports = (await session.Query<ReviewReport>().ToListAsync(ct)).ToLookup(r => r.PlanId);
                return SitePages.Render<AdminHomePage>(http, new AdminHomeModel(frame,
                    plans.Select(p => new AdminPlan(p, reports[p.Id].OrderBy(r => r.Kind).ToList())).ToList()));
            })
            .RequireAuthorization(Authentication.Admin)
            .ExcludeFromDescription();

        app.MapGet(Home + "/plans/{planId:guid}", static (Guid planId, string? done, IQuerySession session, HttpContext http, CancellationToken ct) =>
                PlanPage(http, session, planId, null, 200, ct, done))
            .RequireAuthorization(Authentication.Admin)
            .ExcludeFromDescription();

        app.MapPost(Home + "/plans/{planId:guid}/reports", static async (Guid planId, IQuerySession session, IMessageBus bus, HttpContext http,
                CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var errors = new FieldErrors();
                ReportKind kind = default;
                var kindText = form.Text("kind");
                errors.Check("kind", kindText is not null, "Pick the kind of report.");
                if (kindText is not null) errors.Check("kind", ReviewRoutes.TryKind(kindText, out kind, out _), "Pick one of the four kinds of report.");
                var cutoff = FormValues.Day(errors, "cutoff", form.Text("cutoff"));
                var rule = FormValues.Enum<StarRule>(errors, "starRule", form.Text("starRule"));
                if (errors.Any) return await PlanPage(http, session, planId, Refused("open", form, errors.Details()), 400, ct);

                // The API's OpenReviewReport: the same command, through the same bus, decided by the same handler.
                var command = new OpenReviewReport(ReviewReport.IdFor(planId, kind), planId, kind, cutoff, rule ?? StarRule.Irm2015, http.Caller());
                try
                {
                    await Writes.RetryingLostRaces<StreamStarted>(bus, command, CommandMetadata.For(command.Caller, null), ct);
                }
                catch (Exception refused) when (ProblemsExceptionHandler.ToProblem(refused) is { Status: < 500 } problem)
                {
                    if (problem.Status == 404) return SitePages.NotFound(http, problem.Detail ?? "No such plan.");
                    return await PlanPage(http, session, planId, Refused("open", form, problem), problem.Status ?? 400, ct);
                }
                return FormPosts.SeeOther(http, ReportPath(planId, kind) + "?done=opened");
            })
            .RequireWorkbenchRole(TrackerRole.Admin)
            .RequireFormToken()
            .WithName("OpenReviewReportForm")
            .ExcludeFromDescription();

        app.MapGet(Home + "/reviews/{planId:guid}/{kind}", static async (Guid planId, string kind, string? done, IQuerySession session,
                HttpContext http, CancellationToken ct) =>
            {
                if (!ReviewRoutes.TryKind(kind, out var reportKind, out _)) return SitePages.NotFound(http, "No such kind of report.");
                return await ReportPage(http, session, planId, reportKind, null, done, 200, ct);
            })
            .RequireAuthorization(Authentication.Admin)
            .ExcludeFromDescription();

        MapReportForm(app, "reviewers", "AssignReviewerForm", (form, report, caller, errors) =>
        {
            Guid? institution = null;
            if (form.Text("institutionId") is { } text)
                errors.Check("institutionId", Guid.TryParse(text, out var id), "Pick an institution from the list, or none.");
            if (Guid.TryParse(form.Text("institutionId"), out var parsed)) institution = parsed;
            var version = FormValues.Version(errors, form.Text("version"));
            if (errors.Any) return (null, errors);
            var body = new AssignReviewerRequest(form.Text("reviewerId"), form.Text("name"), institution, FormValues.Checked(form, "isLead"));
            var invalid = body.ShapeErrors();
            return invalid.Any ? (null, invalid)
                : (new AssignReviewer(report, body.ReviewerId!.Trim(), body.Name!.Trim(), body.InstitutionId, body.IsLead ?? false, version, caller), invalid);
        });

        MapReportForm(app, "public-comment", "SendReviewToPublicCommentForm", (form, report, caller, errors) =>
        {
            var body = new SendToPublicCommentRequest(FormValues.Day(errors, "opens", form.Text("opens")), FormValues.Day(errors, "closes", form.Text("closes")));
            var version = FormValues.Version(errors, form.Text("version"));
            if (errors.Any) return (null, errors);
            var invalid = body.ShapeErrors();
            return invalid.Any ? (null, invalid) : (new SendToPublicComment(report, body.Opens!.Value, body.Closes!.Value, version, caller), invalid);
        });

        MapReportForm(app, "publication", "PublishReviewReportForm", (form, report, caller, errors) =>
        {
            var version = FormValues.Version(errors, form.Text("version"));
            return errors.Any ? (null, errors) : (new PublishReviewReport(report, version, caller), errors);
        });

        MapReportForm(app, "errata", "IssueErratumForm", (form, report, caller, errors) =>
        {
            Guid? commitment = null;
            if (form.Text("commitmentId") is { } text)
                errors.Check("commitmentId", Guid.TryParse(text, out _), "Pick a commitment from the list.");
            if (Guid.TryParse(form.Text("commitmentId"), out var parsed)) commitment = parsed;
            var indicator = FormValues.Enum<Indicator>(errors, "indicator", form.Text("indicator"));
            var state = FormValues.Enum<RatingState>(errors, "state", form.Text("state"));
            var version = FormValues.Version(errors, form.Text("version"));
            if (errors.Any) return (null, errors);
            var invalid = new IssueErratumRequest(commitment, indicator, state, form.Text("value"), form.Text("reason")).ShapeErrors(out var score);
            return invalid.Any ? (null, invalid) : (new IssueErratum(report, commitment!.Value, score!, form.Text("reason")!, version, caller), invalid);
        });
    }

    // One form of a report's page: read into the API's command (null with errors when the form is refused), then sent.
    private static void MapReportForm(IEndpointRouteBuilder app, string action, string name,
        Func<IFormCollection, Guid, Caller, FieldErrors, (ITrackerCommand? Command, FieldErrors Errors)> command) =>
        app.MapPost(Home + "/reviews/{planId:guid}/{kind}/" + action, async (Guid planId, string kind, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                if (!ReviewRoutes.TryKind(kind, out var reportKind, out _)) return SitePages.NotFound(http, "No such kind of report.");
                var reportId = ReviewReport.IdFor(planId, reportKind);
                if (await session.LoadAsync<ReviewReport>(reportId, ct) is null) return SitePages.NotFound(http, "This plan has no report of that kind.");
                var form = await http.Request.ReadFormAsync(ct);
                var (built, errors) = command(form, reportId, http.Caller(), new FieldErrors());
                if (built is null) return await ReportPage(http, session, planId, reportKind, Refused(action, form, errors.Details()), null, 400, ct);
                var outcome = await Writes.Attempt<ReviewReport>(http, built);
                if (outcome.Problem is { } problem)
                {
                    if (problem.Status == 404) return SitePages.NotFound(http, problem.Detail ?? "Not found.");
                    return await ReportPage(http, session, planId, reportKind, Refused(action, form, problem), null, problem.Status ?? 400, ct);
                }
                return FormPosts.SeeOther(http, ReportPath(planId, reportKind) + "?done=" + action);
            })
            .RequireWorkbenchRole(TrackerRole.Admin)
            .RequireFormToken()
            .WithName(name)
            .ExcludeFromDescription();

    private static RefusedForm Refused(string form, IFormCollection sent, ProblemDetails problem) =>
        new(form, FormValues.Sent(sent), FormErrors.From(problem), problem.Status == 409 && problem.Extensions.ContainsKey("currentVersion"));

    private static async Task<IResult> PlanPage(HttpContext http, IQuerySession session, Guid planId, RefusedForm? refused, int status, CancellationToken ct,
        string? done = null)
    {
        if (await session.LoadAsync<Plan>(planId, ct) is not { } plan) return SitePages.NotFound(http, "Tracker holds no plan with this id.");
        var ids = Enum.GetValues<ReportKind>().Select(k => ReviewReport.IdFor(planId, k)).ToArray();
        var reports = (await session.LoadManyAsync<ReviewReport>(ct, ids)).OrderBy(r => r.Kind).ToList();
        var frame = await WorkbenchFrame.ForAsync(http, session, ct);
        var commitments = await session.Query<Commitment>().Where(c => c.PlanId == planId).OrderBy(c => c.Code).ToListAsync(ct);
        var milestones = (await session.Query<Tracker.Milestones.Milestone>().Where(m => m.PlanId == planId).ToListAsync(ct))
            .OrderBy(m => m.Number).ToLookup(m => m.CommitmentId);
        return SitePages.Render<AdminPlanPage>(http, new AdminPlanModel(frame, plan, reports, refused, commitments, milestones, done), status);
    }

    private static async Task<IResult> ReportPage(HttpContext http, IQuerySession session, Guid planId, ReportKind kind, RefusedForm? refused,
        string? done, int status, CancellationToken ct)
    {
        var inputs = await ReviewInputsLoader.LoadAsync(session, planId, kind, ct);
        if (inputs is null) return SitePages.NotFound(http, "This plan has no report of that kind.");
        var institutions = await session.Query<Institution>().OrderBy(i => i.Name).ToListAsync(ct);
        var frame = await WorkbenchFrame.ForAsync(http, session, ct);
        return SitePages.Render<AdminReportPage>(http, new AdminReportModel(frame, inputs.Report, inputs.Plan.Title,
            inputs.Commitments.OrderBy(c => c.Code).ToList(), institutions, refused, done), status);
    }
}
