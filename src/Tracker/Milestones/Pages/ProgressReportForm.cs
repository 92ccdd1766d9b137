using System.Globalization;
using System.Text.RegularExpressions;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Milestones.Reporting;
using Tracker.PublicSite;
using Tracker.Ratings;
using Tracker.Reviews.Pages;
using Tracker.SignIn;

namespace Tracker.Milestones.Pages;

/// <summary>One evidence row of the form, as typed.</summary>
public sealed record EvidenceRow(string? Title, string? Url, string Visibility);

/// <summary>The progress form as typed: text, so nothing typed is lost when it is refused. Field names are the API's.</summary>
public sealed partial record ProgressFields(string? Level, string? Percent, string? AsOf, string? Narrative, IReadOnlyList<EvidenceRow> Evidence)
{
    /// <summary>Evidence rows the form offers beyond those typed.</summary>
    public const int BlankRows = 2;

    /// <summary>
    /// Reads the posted form; evidence rows left blank are dropped, so rows and the API's <c>evidence[i]</c> match. Every
    /// row posted is read, however it is numbered: rows beyond the API's limit are refused by it, never dropped here.
    /// </summary>
    public static ProgressFields Read(IFormCollection form)
    {
        var rows = new List<EvidenceRow>();
        foreach (var i in EvidenceIndices(form))
        {
            var title = form.Text($"evidence[{i}].title");
            var url = form.Text($"evidence[{i}].url");
            if (title is null && url is null) continue;
            rows.Add(new EvidenceRow(title, url, form.Text($"evidence[{i}].visibility") ?? nameof(EvidenceVisibility.Public)));
        }
        return new ProgressFields(form.Text("level"), form.Text("percent"), form.Text("asOf"), form.Text("narrative"), rows);
    }

    private static IEnumerable<long> EvidenceIndices(IFormCollection form) => form.Keys
        .Select(key => EvidenceKey().Match(key))
        .Where(match => match.Success)
        .Select(match => long.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture))
        .Distinct().Order();

    [GeneratedRegex(@"^evidence\[([0-9]{1,18})\]\.(?:title|url|visibility)$")]
    private static partial Regex EvidenceKey();

    /// <summary>The API's request, and the errors of text that is not even of the field's type (which JSON would refuse as 400 too).</summary>
    public (ReportProgressRequest Request, Dictionary<string, string[]> TypeErrors) ToRequest()
    {
        var errors = new FieldErrors();
        var level = FormValues.Enum<ProgressLevel>(errors, "level", Level);
        int? percent = null;
        if (Percent is not null)
        {
            if (int.TryParse(Percent, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) percent = p;
            else errors.Check("percent", false, "Must be a whole number between 0 and 100.");
        }
        DateOnly? asOf = null;
        if (AsOf is not null)
        {
            if (DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) asOf = d;
            else errors.Check("asOf", false, "Must be a day written as year-month-day, e.g. 2024-06-30.");
        }
        // A visibility that is neither name is refused, never read as Public: evidence meant to be private must not go out.
        var evidence = Evidence.Select((e, i) => new EvidenceRequest(e.Title, e.Url,
            FormValues.Enum<EvidenceVisibility>(errors, $"evidence[{i}].visibility", e.Visibility) ?? EvidenceVisibility.Public)).ToList();
        return (new ReportProgressRequest(level, percent, Narrative, evidence, asOf), new Dictionary<string, string[]>(errors.Details().Errors));
    }
}

/// <summary>A conflict: the milestone changed since the form was read. Both are shown; nothing is overwritten.</summary>
public sealed record StoredNow(MilestoneView Milestone);

/// <summary>The progress form page.</summary>
public sealed record ProgressFormModel(WorkbenchFrame Frame, Commitment Commitment, MilestoneView Milestone, ProgressFields Fields, long Version,
    FormErrors Errors, bool Preview, StoredNow? Conflict, string? Notice, Submission? SentBack = null);

/// <summary>
/// <c>/workbench/milestones/{id}/progress</c>: the lead institution's progress report form. Sending goes through the API's
/// own command (<see cref="ReportMilestoneProgressHandler"/>, via <see cref="Writes.Attempt{TAggregate}"/>): the same
/// checks, the same events, the same problem details, shown beside the fields.
/// </summary>
public static class ProgressReportForm
{
    /// <summary>Maps GET and POST <c>/workbench/milestones/{milestoneId}/progress</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/workbench/milestones/{milestoneId:guid}/progress", static async (Guid milestoneId, string? saved, IQuerySession session,
                HttpContext http, CancellationToken ct) =>
            {
                var (refusal, milestone, commitment) = await WorkbenchMilestone.LoadAsync(session, http, milestoneId, ct);
                if (refusal is not null) return refusal;
                var draft = await session.LoadAsync<ProgressDraft>(ProgressDraft.IdFor(milestoneId, http.Caller()), ct);
                var fields = draft?.Fields ?? new ProgressFields(null, null, Words.Iso(http.Today()), null, []);
                return await Render(http, session, milestone!, commitment!, fields, milestone!.Version, FormErrors.None, preview: false, null,
                    saved is not null ? "Your draft was saved. Nothing is public until you send it." : draft is not null ? $"This is your draft, saved {Words.Day(draft.SavedAt)}." : null, 200, ct);
            })
            .RequireAuthorization(Authentication.Ministry)
            .ExcludeFromDescription();

        app.MapPost("/workbench/milestones/{milestoneId:guid}/progress", static async (Guid milestoneId, IQuerySession session, IDocumentStore store,
                HttpContext http, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var fields = ProgressFields.Read(form);
                var version = long.TryParse(form.Text("version"), out var v) ? v : (long?)null;
                var action = form.Text("action");
                var caller = http.Caller();

                if (action is "preview" or "draft")
                {
                    var (refusal, milestone, commitment) = await WorkbenchMilestone.LoadAsync(session, http, milestoneId, ct);
                    if (refusal is not null) return refusal;
                    if (action == "preview")
                        return await Render(http, session, milestone!, commitment!, fields, version ?? milestone!.Version, FormErrors.None, preview: true, null, null, 200, ct);
                    await using var drafts = store.LightweightSession();
                    drafts.Store(new ProgressDraft { Id = ProgressDraft.IdFor(milestoneId, caller), Fields = fields, SavedBy = caller.UserId, SavedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() });
                    await drafts.SaveChangesAsync(ct);
                    return FormPosts.SeeOther(http, $"/workbench/milestones/{milestoneId}/progress?saved=draft");
                }

                var (request, typeErrors) = fields.ToRequest();
                var shape = ReportMilestoneProgressHandler.ShapeErrors(request).Details().Errors;
                foreach (var (field, messages) in typeErrors) shape[field] = messages;
                if (version is null) shape["version"] = ["The form lost the version it was read at: open it again."];
                var outcome = shape.Count > 0
                    ? new WriteOutcome<Milestone>(null, Problems.Validation(shape))
                    : await Writes.Attempt<Milestone>(http, ReportMilestoneProgressHandler.Command(milestoneId, request, version, caller));
                if (outcome.Problem is null)
                {
                    await using var drafts = store.LightweightSession();
                    drafts.Delete<ProgressDraft>(ProgressDraft.IdFor(milestoneId, caller));
                    await drafts.SaveChangesAsync(ct);
                    var waiting = outcome.Value!.Submissions.LastOrDefault() is { Status: SubmissionStatus.Pending } last && last.Report.ReportedAt == outcome.Value.UpdatedAt;
                    return FormPosts.SeeOther(http, $"/workbench/commitments?{(waiting ? "submitted" : "reported")}={milestoneId}");
                }
                return await WorkbenchMilestone.Refused(http, session, milestoneId, outcome.Problem, ct, (milestone, commitment, errors, conflict, status) =>
                    Render(http, session, milestone, commitment, fields, conflict?.Milestone.Version ?? version ?? milestone.Version, errors, preview: false, conflict, null, status, ct));
            })
            .RequireAuthorization(Authentication.Ministry)
            .RequireFormToken()
            .WithName("ReportMilestoneProgressForm")
            .ExcludeFromDescription();
    }

    private static async Task<IResult> Render(HttpContext http, IQuerySession session, Milestone milestone, Commitment commitment, ProgressFields fields,
        long version, FormErrors errors, bool preview, StoredNow? conflict, string? notice, int status, CancellationToken ct) =>
        SitePages.Render<ProgressFormPage>(http, new ProgressFormModel(await WorkbenchFrame.ForAsync(http, session, ct), commitment,
            MilestoneView.Of(milestone, await ProgressHistory.OfMilestoneAsync(session, milestone.Id, null, ct), showPrivateEvidence: true, http.Today()), fields, version, errors, preview, conflict, notice,
            SentBackTo(milestone, http.Caller())), status);

    // The institution's latest report of this milestone, when the point of contact sent it back and nothing was sent since.
    private static Submission? SentBackTo(Milestone milestone, Caller caller) =>
        milestone.Submissions.LastOrDefault() is { Status: SubmissionStatus.SentBack } last && last.ReportedForInstitutionId == caller.InstitutionId ? last : null;
}

/// <summary>A progress report typed and saved, not sent: a document, not an event, since nothing happened yet.</summary>
public sealed class ProgressDraft
{
    /// <summary>The milestone and the institution whose draft it is (a colleague picks it up).</summary>
    public string Id { get; set; } = "";
    /// <summary>What was typed.</summary>
    public ProgressFields Fields { get; set; } = new(null, null, null, null, []);
    /// <summary>Who saved it.</summary>
    public string SavedBy { get; set; } = "";
    /// <summary>When.</summary>
    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The id of <paramref name="caller"/>'s institution's draft for a milestone.</summary>
    public static string IdFor(Guid milestoneId, Caller caller) => $"{milestoneId}/{caller.InstitutionId}";
}
