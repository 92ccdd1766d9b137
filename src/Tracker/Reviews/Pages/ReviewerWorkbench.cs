using Marten;
using Tracker.Infrastructure;
using Tracker.PublicSite;
using Tracker.Ratings;
using Tracker.SignIn;

namespace Tracker.Reviews.Pages;

/// <summary>A report on the reviewer's list.</summary>
public sealed record AssignedReport(ReviewReport Report, string PlanTitle, Reviewer Me);

/// <summary><c>/workbench/reviews</c>: the reports the signed-in reviewer is assigned to.</summary>
public sealed record AssignedReportsModel(WorkbenchFrame Frame, IReadOnlyList<AssignedReport> Reports);

/// <summary><c>/workbench/reviews/{planId}/{kind}</c>: one report's commitments and where the panel stands on each.</summary>
public sealed record ReviewerReportModel(WorkbenchFrame Frame, ReviewReport Report, string PlanTitle, Reviewer Me, IReadOnlyList<WorkbenchEntry> Entries);

/// <summary>What a reviewer sent in one indicator's form, kept to show it again when it is refused.</summary>
public sealed record AssessmentForm(string? Indicator, string? State, IReadOnlyList<string> Values, string? Rationale, bool IsFinal, string? Version);

/// <summary>
/// The assessment page of one commitment: for each indicator of the report's method the levels with their definitions,
/// the reviewer's own value, the other reviewers' values and the panel's; the milestones as of the cutoff. After a
/// refusal, <see cref="Sent"/> holds what was typed and <see cref="Errors"/> the API's own problem details.
/// </summary>
public sealed record AssessmentPageModel(WorkbenchFrame Frame, ReviewReport Report, string PlanTitle, Reviewer Me, WorkbenchEntry Entry,
    AssessmentForm? Sent, FormErrors Errors, bool Stale, Indicator? Saved);

/// <summary>
/// The reviewer's workbench (issue 13): the reports a reviewer is assigned to and, per commitment, the assessment form of
/// each indicator. A form posts text, read at the edge by <see cref="ReviewRoutes.ScoreOf"/> exactly as the API reads it,
/// and becomes the API's own <see cref="RecordAssessment"/> command, sent through <see cref="Writes.Attempt{TAggregate}"/>.
/// </summary>
public static class ReviewerWorkbench
{
    /// <summary>The reviewer's list of reports.</summary>
    public const string Home = "/workbench/reviews";

    /// <summary>The page of a report.</summary>
    public static string ReportPath(Guid planId, ReportKind kind) => $"{Home}/{planId}/{ReviewRoutes.Slug(kind)}";

    /// <summary>The assessment page of a commitment in a report.</summary>
    public static string CommitmentPath(Guid planId, ReportKind kind, Guid commitmentId) => $"{ReportPath(planId, kind)}/commitments/{commitmentId}";

    /// <summary>Maps the reviewer's pages and the assessment form.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Home, static async (IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var frame = await WorkbenchFrame.ForAsync(http, session, ct);
                // Reports are few (four per plan at most): read them all and keep those that name this reviewer.
                var reports = (await session.Query<ReviewReport>().ToListAsync(ct))
                    .Where(r => r.IsReviewedBy(frame.Caller) && r.ReviewerWithId(frame.Caller.UserId) is not null).ToList();
                var planIds = reports.Select(r => r.PlanId).Distinct().ToArray();
                var plans = (await session.LoadManyAsync<Plans.Plan>(ct, planIds)).ToDictionary(p => p.Id, p => p.Title);
                var assigned = reports.OrderBy(r => plans.GetValueOrDefault(r.PlanId)).ThenBy(r => r.Kind)
                    .Select(r => new AssignedReport(r, plans.GetValueOrDefault(r.PlanId) ?? "", r.ReviewerWithId(frame.Caller.UserId)!)).ToList();
                return SitePages.Render<AssignedReportsPage>(http, new AssignedReportsModel(frame, assigned));
            })
            .RequireAuthorization(Authentication.Reviewer)
            .ExcludeFromDescription();

        app.MapGet(Home + "/{planId:guid}/{kind}", static async (Guid planId, string kind, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var (inputs, refusal) = await LoadAssigned(http, session, planId, kind, ct);
                if (refusal is not null) return refusal;
                var frame = await WorkbenchFrame.ForAsync(http, session, ct);
                return SitePages.Render<ReviewerReportPage>(http, new ReviewerReportModel(frame, inputs!.Report, inputs.Plan.Title,
                    inputs.Report.ReviewerWithId(frame.Caller.UserId)!, ReviewViews.Workbench(inputs)));
            })
            .RequireAuthorization(Authentication.Reviewer)
            .ExcludeFromDescription();

        app.MapGet(Home + "/{planId:guid}/{kind}/commitments/{commitmentId:guid}", static async (Guid planId, string kind, Guid commitmentId,
                string? saved, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var (inputs, refusal) = await LoadAssigned(http, session, planId, kind, ct);
                if (refusal is not null) return refusal;
                Indicator? savedIndicator = EnumNames.TryParse<Indicator>(saved, out var s) ? s : null;
                return await Page(http, session, inputs!, commitmentId, null, FormErrors.None, false, savedIndicator, 200, ct);
            })
            .RequireAuthorization(Authentication.Reviewer)
            .ExcludeFromDescription();

        app.MapPost(Home + "/{planId:guid}/{kind}/commitments/{commitmentId:guid}/assessments", static async (Guid planId, string kind,
                Guid commitmentId, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var (inputs, refusal) = await LoadAssigned(http, session, planId, kind, ct);
                if (refusal is not null) return refusal;
                var form = await http.Request.ReadFormAsync(ct);
                var sent = new AssessmentForm(form.Text("indicator"), form.Text("state"),
                    form["value"].Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToList(), form.Text("rationale"),
                    FormValues.Checked(form, "isFinal"), form.Text("version"));

                // Text is read into the API's own request, then checked by the API's own validation (the score on its scale).
                var parsing = new FieldErrors();
                var indicator = FormValues.Enum<Indicator>(parsing, "indicator", sent.Indicator);
                var state = FormValues.Enum<RatingState>(parsing, "state", sent.State);
                var version = FormValues.Version(parsing, sent.Version);
                // Relevance is a set: no value ticked is relevant to none, which the API reads as an empty list.
                // The form keeps the earlier level ticked beside "not applicable" and "not assessed": those choices mean no value.
                var valueText = state is not (null or RatingState.Assessed) ? null
                    : sent.Values.Count > 0 ? string.Join(",", sent.Values)
                    : indicator is { } ind && IndicatorLevels.IsSet(ind) ? "" : null;
                Score? score = null;
                var errors = parsing.Any ? parsing
                    : new RecordAssessmentRequest(commitmentId, indicator, state, valueText, sent.Rationale, sent.IsFinal).ShapeErrors(out score);
                if (errors.Any)
                    return await Page(http, session, inputs!, commitmentId, sent, FormErrors.From(errors.Details()), false, null, 400, ct);

                var command = new RecordAssessment(inputs!.Report.Id, commitmentId, score!, sent.Rationale, sent.IsFinal, version, http.Caller());
                var outcome = await Writes.Attempt<ReviewReport>(http, command);
                if (outcome.Problem is { } problem)
                {
                    // A refused form is shown again over the report as it stands now: the values recorded since sit beside what was typed.
                    var now = await ReviewInputsLoader.LoadAsync(session, planId, inputs.Report.Kind, ct) ?? inputs;
                    // Stale only for a lost race: a report published meanwhile is a 409 too, and its page says so itself.
                    var stale = problem.Extensions.TryGetValue("code", out var code) && code as string == "version.stale";
                    return await Page(http, session, now, commitmentId, sent, FormErrors.From(problem), stale, null, problem.Status ?? 400, ct);
                }
                return FormPosts.SeeOther(http, $"{CommitmentPath(planId, inputs.Report.Kind, commitmentId)}?saved={indicator}#{Anchor(indicator!.Value)}");
            })
            .RequireWorkbenchRole(TrackerRole.Reviewer)
            .RequireFormToken()
            .WithName("RecordAssessmentForm")
            .ExcludeFromDescription();
    }

    /// <summary>The id of an indicator's section on the assessment page.</summary>
    public static string Anchor(Indicator indicator) => "indicator-" + RatedJsonConverter.Name(indicator);

    private static async Task<IResult> Page(HttpContext http, IQuerySession session, ReviewInputs inputs, Guid commitmentId, AssessmentForm? sent,
        FormErrors errors, bool stale, Indicator? saved, int status, CancellationToken ct)
    {
        var entry = ReviewViews.Workbench(inputs).FirstOrDefault(e => e.CommitmentId == commitmentId);
        if (entry is null) return SitePages.NotFound(http, "The report's plan has no commitment with this id.");
        var frame = await WorkbenchFrame.ForAsync(http, session, ct);
        return SitePages.Render<AssessmentPage>(http, new AssessmentPageModel(frame, inputs.Report, inputs.Plan.Title,
            inputs.Report.ReviewerWithId(frame.Caller.UserId)!, entry, sent, errors, stale, saved), status);
    }

    /// <summary>
    /// The report's inputs when the caller is one of its assigned reviewers; otherwise the page that says why (404 for no
    /// such report, 403 for a reviewer it does not name). A reviewer's pages are never an admin's: assignment decides.
    /// </summary>
    private static async Task<(ReviewInputs? Inputs, IResult? Refusal)> LoadAssigned(HttpContext http, IQuerySession session, Guid planId,
        string kind, CancellationToken ct)
    {
        if (!ReviewRoutes.TryKind(kind, out var reportKind, out _))
            return (null, SitePages.NotFound(http, "Review kinds are “midterm”, “end-of-term”, “action-plan-review” and “results-report”."));
        var inputs = await ReviewInputsLoader.LoadAsync(session, planId, reportKind, ct);
        if (inputs is null) return (null, SitePages.NotFound(http, "This plan has no report of that kind."));
        var caller = http.Caller();
        if (caller.Role != TrackerRole.Reviewer || inputs.Report.ReviewerWithId(caller.UserId) is null)
            return (null, WorkbenchAccess.Forbidden(http, "You are not assigned to this report, so you may not read or assess it."));
        return (inputs, null);
    }
}
