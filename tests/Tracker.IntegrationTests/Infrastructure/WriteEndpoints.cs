using System.Net.Http.Headers;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.OpenData;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>Who a write endpoint is for.</summary>
public enum AllowedCaller { Admin, LeadMinistry, AssignedReviewer, Anyone }

/// <summary>What a write endpoint reads from the request body: JSON, nothing, an upload, or a page's form (urlencoded or, with a file, multipart; with its antiforgery token).</summary>
public enum BodyKind { Json, None, CsvUpload, Form, FormUpload }

/// <summary>The body of a page's upload form: the file, and the form's other fields.</summary>
public sealed record UploadForm(byte[] File, IReadOnlyList<KeyValuePair<string, string>> Fields);

/// <summary>One request to a write endpoint, arranged on a fresh target.</summary>
public sealed record WriteCase(string Url, object? Body);

/// <summary>
/// How a write endpoint is classified: who may call it, what body it reads, and how to arrange a fresh target with a
/// valid request. The matrices run over the endpoints the application itself maps (<see cref="WriteWorld.WriteEndpointNames"/>);
/// an endpoint the application maps that is not classified here fails them.
/// </summary>
public sealed record WriteEndpoint(string Name, AllowedCaller AllowedFor, int SuccessStatus, BodyKind Body, Func<WriteWorld, Task<WriteCase>> Arrange)
{
    public override string ToString() => Name;
}

/// <summary>The classification of every write endpoint, by its endpoint name (its OpenAPI operation id).</summary>
public static class WriteEndpoints
{
    private static Task<WriteCase> Case(string url, object? body) => Task.FromResult(new WriteCase(url, body));

    // The plan of a report arranged by WriteWorld.NewReport, from its API URL (/api/plans/{planId}/reviews/midterm).
    private static string PlanOf(string reportUrl) => reportUrl.Split('/')[3];

    /// <summary>The fields of a form post, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Form(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();

    public static readonly IReadOnlyDictionary<string, WriteEndpoint> ByName = new WriteEndpoint[]
    {
        new("RegisterMember", AllowedCaller.Admin, 201, BodyKind.Json, w => Case("/api/members", new { name = $"Member {w.Next()}", code = $"X{w.Next()}", kind = "National" })),
        new("RegisterInstitution", AllowedCaller.Admin, 201, BodyKind.Json, async w => new("/api/institutions", new { name = $"Agency {w.Next()}", kind = "Government", memberId = await w.MemberId() })),
        new("RegisterPlan", AllowedCaller.Admin, 201, BodyKind.Json, async w => new("/api/plans", new { memberId = await w.MemberId(), number = 2, title = "Second plan", periodStart = "2018-07-01", periodEnd = "2020-06-30" })),
        new("AmendPlan", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"/api/plans/{await w.NewPlan()}/amendments", new { title = "Amended", periodStart = "2016-01-01", periodEnd = "2018-12-31", midtermCutoff = "2017-06-30", reason = "COVID-19 extension" })),
        new("EndPlan", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"/api/plans/{await w.NewPlan()}/end", new { endedOn = "2018-06-30" })),
        new("RegisterCommitment", AllowedCaller.Admin, 201, BodyKind.Json, async w => new($"/api/plans/{await w.PlanId()}/commitments", new { code = w.NextCode(), number = "01", title = "Open contracting", leadInstitutionId = await w.LeadId() })),
        new("ReviseCommitment", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"/api/commitments/{await w.NewCommitment()}/revisions", new { title = "Revised title", leadInstitutionId = await w.LeadId(), reason = "Clarified with civil society" })),
        new("WithdrawCommitment", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"/api/commitments/{await w.NewCommitment()}/withdrawal", new { reason = "Merged into another commitment" })),
        new("ClusterCommitment", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"/api/commitments/{await w.NewCommitment()}/cluster", new { cluster = "Open data" })),
        new("PlanMilestone", AllowedCaller.Admin, 201, BodyKind.Json, async w => new($"/api/commitments/{await w.NewCommitment()}/milestones", new { text = "Publish the register", plannedStart = "2016-03-01", plannedEnd = "2017-03-01" })),
        new("WithdrawMilestone", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"/api/milestones/{await w.NewMilestone()}/withdrawal", new { reason = "Out of scope" })),
        new("ReportMilestoneProgress", AllowedCaller.LeadMinistry, 200, BodyKind.Json, async w => new($"/api/milestones/{await w.NewMilestone()}/progress", new { level = "Substantial", narrative = "Drafted and consulted.", asOf = "2017-01-31" })),
        new("RebaselineMilestone", AllowedCaller.LeadMinistry, 200, BodyKind.Json, async w => new($"/api/milestones/{await w.NewMilestone()}/rebaseline", new { newEnd = "2018-06-30", justification = "Elections delayed the work." })),
        new("OpenReviewReport", AllowedCaller.Admin, 201, BodyKind.Json, async w => new($"/api/plans/{await w.NewPlan()}/reviews/midterm", new { cutoff = "2017-06-30", starRule = "Irm2015" })),
        new("AssignReviewer", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"{await w.NewReport(ReportStage.Draft)}/reviewers", new { reviewerId = "irm-2", name = "Second researcher", isLead = false })),
        new("RecordAssessment", AllowedCaller.AssignedReviewer, 200, BodyKind.Json, async w =>
        {
            var report = await w.NewReport(ReportStage.Draft);
            return new($"{report}/assessments", new { commitmentId = w.CommitmentOf(report), indicator = "Specificity", value = "Low", rationale = "Activities only." });
        }),
        new("SendReviewToPublicComment", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"{await w.NewReport(ReportStage.Draft)}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })),
        new("SubmitPublicComment", AllowedCaller.Anyone, 201, BodyKind.Json, async w => new($"{await w.NewReport(ReportStage.PublicComment)}/comments", new { author = "Open State Foundation", text = "The ratings look right." })),
        new("SubmitPublicCommentForm", AllowedCaller.Anyone, 303, BodyKind.Form, async w => new($"/plans/{PlanOf(await w.NewReport(ReportStage.PublicComment))}/reviews/midterm/comments",
            Form(("author", "Open State Foundation"), ("commitmentCode", ""), ("text", "The ratings look right.")))),
        new("PublishReviewReport", AllowedCaller.Admin, 200, BodyKind.None, async w => new($"{await w.NewReport(ReportStage.PublicComment)}/publication", null)),
        new("IssueErratum", AllowedCaller.Admin, 200, BodyKind.Json, async w =>
        {
            var report = await w.NewReport(ReportStage.Published);
            return new($"{report}/errata", new { commitmentId = w.CommitmentOf(report), indicator = "Specificity", value = "Medium", reason = "Misread the action plan." });
        }),
        new("SetProgressApproval", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"/api/plans/{await w.NewPlan()}/progress-approval", new { required = true })),
        new("ApproveMilestoneProgress", AllowedCaller.Admin, 200, BodyKind.None, async w => new($"/api/milestones/{await w.NewSubmission()}/submissions/1/approval", null)),
        new("SendBackMilestoneProgress", AllowedCaller.Admin, 200, BodyKind.Json, async w => new($"/api/milestones/{await w.NewSubmission()}/submissions/1/sent-back", new { reason = "Attach the published report." })),
        new("DecideProgressSubmissionForm", AllowedCaller.Admin, 303, BodyKind.Form, async w => new($"/workbench/milestones/{await w.NewSubmission()}/submissions/1",
            Form(("decision", "approve"), ("reason", ""), ("version", "2")))),
        new("ImportOgp", AllowedCaller.Admin, 200, BodyKind.CsvUpload, _ => Case("/api/import/ogp", OgpUploads.Sample())),
        // The pages' forms: a form that is taken answers 303 See Other, to the page that shows the result.
        new("DevelopmentSignIn", AllowedCaller.Anyone, 303, BodyKind.Form, _ => Case("/sign-in", Form(("role", "reviewer"), ("institution", ""), ("userId", "matrix-1"), ("returnUrl", "/")))),
        new("SignOut", AllowedCaller.Anyone, 303, BodyKind.Form, _ => Case("/sign-out", Form())),
        new("ReportMilestoneProgressForm", AllowedCaller.LeadMinistry, 303, BodyKind.Form, async w => new($"/workbench/milestones/{await w.NewMilestone()}/progress",
            Form(("level", "Substantial"), ("narrative", "Drafted and consulted."), ("asOf", "2017-01-31"), ("version", "1"), ("action", "send")))),
        new("RebaselineMilestoneForm", AllowedCaller.LeadMinistry, 303, BodyKind.Form, async w => new($"/workbench/milestones/{await w.NewMilestone()}/rebaseline",
            Form(("newEnd", "2018-06-30"), ("justification", "Elections delayed the work."), ("version", "1")))),
        // The review workbench (Reviews/Pages): each form sends the same command as its API endpoint above.
        new("RecordAssessmentForm", AllowedCaller.AssignedReviewer, 303, BodyKind.Form, async w =>
        {
            var report = await w.NewReport(ReportStage.Draft);
            return new($"/workbench/reviews/{PlanOf(report)}/midterm/commitments/{w.CommitmentOf(report)}/assessments",
                Form(("indicator", "Specificity"), ("state", "Assessed"), ("value", "Low"), ("rationale", "Activities only.")));
        }),
        new("OpenReviewReportForm", AllowedCaller.Admin, 303, BodyKind.Form, async w =>
            new($"/workbench/admin/plans/{await w.NewPlan()}/reports", Form(("kind", "midterm"), ("cutoff", "2017-06-30"), ("starRule", "Irm2015")))),
        new("AssignReviewerForm", AllowedCaller.Admin, 303, BodyKind.Form, async w =>
            new($"/workbench/admin/reviews/{PlanOf(await w.NewReport(ReportStage.Draft))}/midterm/reviewers",
                Form(("reviewerId", "irm-2"), ("name", "Second researcher"), ("institutionId", ""), ("isLead", "false")))),
        new("SendReviewToPublicCommentForm", AllowedCaller.Admin, 303, BodyKind.Form, async w =>
            new($"/workbench/admin/reviews/{PlanOf(await w.NewReport(ReportStage.Draft))}/midterm/public-comment",
                Form(("opens", "2000-01-01"), ("closes", "2999-12-31")))),
        new("PublishReviewReportForm", AllowedCaller.Admin, 303, BodyKind.Form, async w =>
            new($"/workbench/admin/reviews/{PlanOf(await w.NewReport(ReportStage.PublicComment))}/midterm/publication", Form())),
        new("IssueErratumForm", AllowedCaller.Admin, 303, BodyKind.Form, async w =>
        {
            var report = await w.NewReport(ReportStage.Published);
            return new($"/workbench/admin/reviews/{PlanOf(report)}/midterm/errata", Form(("commitmentId", w.CommitmentOf(report).ToString()),
                ("indicator", "Specificity"), ("state", "Assessed"), ("value", "Medium"), ("reason", "Misread the action plan.")));
        }),
        // The point of contact's plan, commitment and milestone forms: each sends the same command as its API endpoint above.
        new("RegisterPlanForm", AllowedCaller.Admin, 303, BodyKind.Form, async w => new("/workbench/admin/plans/new",
            Form(("memberId", (await w.MemberId()).ToString()), ("number", "2"), ("title", "Second plan"), ("periodStart", "2018-07-01"), ("periodEnd", "2020-06-30"), ("midtermCutoff", "")))),
        new("AmendPlanForm", AllowedCaller.Admin, 303, BodyKind.Form, async w => new($"/workbench/admin/plans/{await w.NewPlan()}/amend",
            Form(("title", "Amended"), ("periodStart", "2016-01-01"), ("periodEnd", "2018-12-31"), ("midtermCutoff", "2017-06-30"), ("reason", "COVID-19 extension"), ("version", "1")))),
        new("RegisterCommitmentForm", AllowedCaller.Admin, 303, BodyKind.Form, async w => new($"/workbench/admin/plans/{await w.PlanId()}/commitments/new",
            Form(("code", w.NextCode()), ("number", "01"), ("title", "Open contracting"), ("leadInstitutionId", (await w.LeadId()).ToString())))),
        new("ReviseCommitmentForm", AllowedCaller.Admin, 303, BodyKind.Form, async w => new($"/workbench/admin/commitments/{await w.NewCommitment()}/revise",
            Form(("title", "Revised title"), ("leadInstitutionId", (await w.LeadId()).ToString()), ("reason", "Clarified with civil society"), ("version", "1")))),
        new("PlanMilestoneForm", AllowedCaller.Admin, 303, BodyKind.Form, async w => new($"/workbench/admin/commitments/{await w.NewCommitment()}/milestones/new",
            Form(("text", "Publish the register"), ("plannedStart", "2016-03-01"), ("plannedEnd", "2017-03-01")))),
        new("WithdrawMilestoneForm", AllowedCaller.Admin, 303, BodyKind.Form, async w => new($"/workbench/admin/milestones/{await w.NewMilestone()}/withdraw",
            Form(("reason", "Out of scope"), ("version", "1")))),
        // A check only, so the import it starts in the background writes nothing while other cases count events.
        new("ImportOgpForm", AllowedCaller.Admin, 303, BodyKind.FormUpload, _ => Case("/workbench/admin/imports", new UploadForm(OgpUploads.Sample(), Form(("dryRun", "true"))))),
    }.ToDictionary(e => e.Name);
}

/// <summary>
/// A target arranged per endpoint and reused while the requests sent to it are refused: a refused request writes nothing
/// (the matrices assert it), so the next one meets the same state. A request that is taken, or that appended anyway,
/// spends the target and the next one is arranged afresh. Arranging is most of a matrix's time (a published report
/// takes eight requests).
/// </summary>
public sealed class ReusableTargets(WriteWorld world)
{
    private readonly Dictionary<string, WriteCase> _unspent = new();

    /// <summary>The endpoint's unspent target, arranged when there is none.</summary>
    public async Task<WriteCase> For(WriteEndpoint endpoint)
    {
        if (_unspent.TryGetValue(endpoint.Name, out var target)) return target;
        target = await endpoint.Arrange(world);
        _unspent[endpoint.Name] = target;
        return target;
    }

    /// <summary>Records what a request to the endpoint's target did: unless it was refused and appended nothing, the target is spent.</summary>
    public void After(WriteEndpoint endpoint, HttpResponseMessage response, bool appended)
    {
        if ((int)response.StatusCode < 400 || appended) _unspent.Remove(endpoint.Name);
    }
}

/// <summary>Where a fresh review report stands when a case is arranged on it.</summary>
public enum ReportStage { Draft, PublicComment, Published }

/// <summary>
/// One host and database with a member, a plan (2016-2018), a lead ministry and another ministry; each endpoint
/// case arranges its own fresh plan, commitment, milestone or report so cases never see each other's writes.
/// </summary>
public class WriteWorld : TrackerApp
{
    /// <summary>The reviewer assigned (as lead) to every report a case arranges.</summary>
    public const string AssignedReviewerId = "irm-1";

    private int _counter;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Guid> _reportCommitments = new();
    private (Guid Member, Guid Plan, Guid Lead, Guid Other)? _world;

    public int Next() => Interlocked.Increment(ref _counter);
    public string NextCode() => $"WW{Next():0000}";

    public async Task<Guid> MemberId() => (await World()).Member;
    public async Task<Guid> PlanId() => (await World()).Plan;
    public async Task<Guid> LeadId() => (await World()).Lead;
    public async Task<Guid> OtherMinistryId() => (await World()).Other;

    public async Task<Guid> NewPlan() => await Arrange.Plan(Admin(), await MemberId(), $"Plan {Next()}", "2016-01-01", "2018-06-30", 9);

    public async Task<Guid> NewCommitment() => await Arrange.Commitment(Admin(), await PlanId(), NextCode(), await LeadId());

    public async Task<Guid> NewMilestone() => await Arrange.Milestone(Admin(), await NewCommitment(), "2016-03-01", "2017-03-01");

    /// <summary>A milestone of a fresh plan that asks for approval, with one report submitted by the lead ministry (submission 1, version 2).</summary>
    public async Task<Guid> NewSubmission()
    {
        var admin = Admin();
        var plan = await NewPlan();
        await (await admin.Post($"/api/plans/{plan}/progress-approval", new { required = true })).ShouldHaveStatus(200);
        var milestone = await Arrange.Milestone(admin, await Arrange.Commitment(admin, plan, NextCode(), await LeadId()), "2016-03-01", "2017-03-01");
        await (await As(TrackerRole.Ministry, await LeadId(), "lead-staff").Post($"/api/milestones/{milestone}/progress",
            new { level = "Limited", narrative = "Waiting for approval.", asOf = "2016-06-30" })).ShouldHaveStatus(200);
        return milestone;
    }

    /// <summary>
    /// A fresh plan with one commitment and its midterm report at <paramref name="stage"/>, the reviewer
    /// <see cref="AssignedReviewerId"/> assigned as lead; returns the report's URL.
    /// </summary>
    public async Task<string> NewReport(ReportStage stage)
    {
        var admin = Admin();
        var plan = await NewPlan();
        var commitment = await Arrange.Commitment(admin, plan, NextCode(), await LeadId());
        var url = $"/api/plans/{plan}/reviews/midterm";
        await (await admin.Post(url, new { })).ShouldHaveStatus(201);
        await (await admin.Post($"{url}/reviewers", new { reviewerId = AssignedReviewerId, name = "IRM researcher", isLead = true })).ShouldHaveStatus(200);
        if (stage >= ReportStage.PublicComment)
            await (await admin.Post($"{url}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })).ShouldHaveStatus(200);
        if (stage == ReportStage.Published)
            await (await admin.PostAsync($"{url}/publication", null)).ShouldHaveStatus(200);
        lock (_reportCommitments) _reportCommitments[url] = commitment;
        return url;
    }

    /// <summary>The commitment of a report arranged by <see cref="NewReport"/>.</summary>
    public Guid CommitmentOf(string reportUrl)
    {
        lock (_reportCommitments) return _reportCommitments[reportUrl];
    }

    /// <summary>The names of every write endpoint the application maps (POST, PUT, PATCH, DELETE), from its own endpoint data source.</summary>
    public IReadOnlyList<string> WriteEndpointNames() => Services.GetRequiredService<EndpointDataSource>().Endpoints
        .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods
            .Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
        .Select(e => e.Metadata.GetMetadata<EndpointNameMetadata>()?.EndpointName ?? e.DisplayName ?? "(unnamed)")
        .Distinct().Order().ToList();

    /// <summary>The classified endpoints the application maps; throws naming any it maps without a classification.</summary>
    public IReadOnlyList<WriteEndpoint> WriteEndpointsOfTheApplication()
    {
        var names = WriteEndpointNames();
        var unclassified = names.Where(n => !WriteEndpoints.ByName.ContainsKey(n)).ToList();
        unclassified.ShouldBeEmpty("write endpoints the application maps but WriteEndpoints does not classify");
        return names.Select(n => WriteEndpoints.ByName[n]).ToList();
    }

    /// <summary>Sends a case as the endpoint reads it: JSON, no body, or the CSV as a multipart upload.</summary>
    public static async Task<HttpResponseMessage> Send(HttpClient client, WriteEndpoint endpoint, WriteCase request, string? ifMatch = null)
    {
        // A form is sent as a browser sends it: with the antiforgery token a page issued to the same caller.
        if (endpoint.Body == BodyKind.Form)
            return await client.SubmitForm(request.Url, (IReadOnlyList<KeyValuePair<string, string>>)request.Body!);
        if (endpoint.Body == BodyKind.FormUpload)
            return await client.SubmitUpload(request.Url, (UploadForm)request.Body!);
        var message = new HttpRequestMessage(HttpMethod.Post, request.Url);
        if (ifMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        switch (endpoint.Body)
        {
            case BodyKind.Json:
                message.Content = System.Net.Http.Json.JsonContent.Create(request.Body, request.Body!.GetType(), options: Json);
                break;
            case BodyKind.CsvUpload:
                var part = new ByteArrayContent((byte[])request.Body!);
                part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                message.Content = new MultipartFormDataContent { { part, "file", "commitments.csv" } };
                break;
        }
        return await client.SendAsync(message);
    }

    /// <summary>True when a refusal has the shape its endpoint answers in: problem details for the API, a page for a form.</summary>
    public static bool IsRefusalShape(WriteEndpoint endpoint, HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == (endpoint.Body is BodyKind.Form or BodyKind.FormUpload ? "text/html" : "application/problem+json");

    /// <summary>A client for a caller of <paramref name="who"/>.</summary>
    public async Task<HttpClient> Client(Who who) => who switch
    {
        Who.Anonymous => Anonymous(),
        Who.Admin => Admin(),
        Who.AssignedReviewer => As(TrackerRole.Reviewer, userId: AssignedReviewerId),
        Who.UnassignedReviewer => As(TrackerRole.Reviewer, userId: "irm-unassigned"),
        Who.LeadMinistry => As(TrackerRole.Ministry, await LeadId()),
        Who.OtherMinistry => As(TrackerRole.Ministry, await OtherMinistryId()),
        // A ministry whose user id happens to be an assigned reviewer's: rights follow the role as well as the id.
        _ => As(TrackerRole.Ministry, await OtherMinistryId(), userId: AssignedReviewerId),
    };

    /// <summary>A client allowed to call <paramref name="endpoint"/>.</summary>
    public Task<HttpClient> Allowed(WriteEndpoint endpoint) => Client(endpoint.AllowedFor switch
    {
        AllowedCaller.Admin => Who.Admin,
        AllowedCaller.LeadMinistry => Who.LeadMinistry,
        AllowedCaller.AssignedReviewer => Who.AssignedReviewer,
        _ => Who.Anonymous,
    });

    /// <summary>The number of events in the store (one count, not the three of Marten's store statistics: it runs around every refused request).</summary>
    public async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    private async Task<(Guid Member, Guid Plan, Guid Lead, Guid Other)> World()
    {
        await _gate.WaitAsync();
        try
        {
            if (_world is { } world) return world;
            var admin = Admin();
            var member = await Arrange.Member(admin, "Writeland", "WW");
            var lead = await Arrange.Institution(admin, member, "Ministry of Writing");
            var other = await Arrange.Institution(admin, member, "Ministry of Reading");
            var plan = await Arrange.Plan(admin, member, "Writeland 2016-2018", "2016-01-01", "2018-06-30", 1);
            _world = (member, plan, lead, other);
            return _world.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>The callers the authorisation matrix tries on every write endpoint.</summary>
public enum Who { Anonymous, Admin, AssignedReviewer, UnassignedReviewer, LeadMinistry, OtherMinistry, MinistryWithAReviewersId }
