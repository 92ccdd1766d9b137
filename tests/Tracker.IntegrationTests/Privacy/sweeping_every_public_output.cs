using System.Text;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.Reviews;

namespace Tracker.IntegrationTests.Privacy;

/// <summary>A host on which the sweep's thousands of reads are not rate limited.</summary>
public sealed class SweptHost : TrackerApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:RateLimits:PermitLimit"] = "1000000",
    };
}

/// <summary>
/// A plan with private evidence and a draft review, every text of which carries a marker; then every GET endpoint the
/// application maps, called with every id of that plan (and ?asOf=), and a few refused writes, as the public, a ministry
/// that does not lead the commitment and a reviewer not assigned to the plan: none of the answers (bodies or headers)
/// carries a marker. Admins, the lead ministry and the assigned reviewer do see them, so the sweep cannot pass by missing them.
/// </summary>
[RunsLong(37)]
public class sweeping_every_public_output(SweptHost app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SweptHost>
{
    private const string Marker = "PRIVMARK7f3a";
    private const string PrivateTitle = $"Internal audit {Marker}-title", PrivateUrl = $"https://intranet.example/{Marker}-url/audit.pdf",
        DraftRationale = $"Activities only {Marker}-rationale", DraftReviewer = $"Researcher {Marker}-name";

    private static int _worlds; // static: xunit makes an instance per test, all on one database

    private sealed record World(Guid Member, Guid Lead, Guid Other, Guid Plan, Guid Commitment, string Code, Guid Milestone, Guid Midterm, Guid EndOfTerm);

    private async Task<World> PlanWithPrivateEvidenceAndADraftReview()
    {
        var admin = app.Admin();
        var code = $"S{(char)('A' + Interlocked.Increment(ref _worlds))}";
        var member = await Arrange.Member(admin, $"Sweepland {code}", code);
        var lead = await Arrange.Institution(admin, member, "Ministry of Audits");
        var other = await Arrange.Institution(admin, member, "Ministry of Curiosity");
        var plan = await Arrange.Plan(admin, member, "Sweepland 2016-2018", "2016-01-01", "2018-06-30", 1);
        var commitment = await Arrange.Commitment(admin, plan, $"{code}0001", lead, "Open audits");
        var milestone = await Arrange.Milestone(admin, commitment, "2016-03-01", "2017-03-01", "Publish the audit register");
        var ministry = app.As(TrackerRole.Ministry, lead);
        await (await ministry.Post($"/api/milestones/{milestone}/progress", new
        {
            level = "Substantial", narrative = "Register drafted.", asOf = "2016-06-30",
            evidence = new object[]
            {
                new { title = "Published register", url = "https://sweepland.example/register", visibility = "Public" },
                new { title = PrivateTitle, url = PrivateUrl, visibility = "Private" },
            },
        })).ShouldHaveStatus(200);

        var midterm = $"/api/plans/{plan}/reviews/midterm";
        await (await admin.Post(midterm, new { })).ShouldHaveStatus(201);
        await (await admin.Post($"{midterm}/reviewers", new { reviewerId = "irm-sweep", name = DraftReviewer, isLead = true })).ShouldHaveStatus(200);
        await (await app.As(TrackerRole.Reviewer, userId: "irm-sweep").Post($"{midterm}/assessments",
            new { commitmentId = commitment, indicator = "Specificity", value = "Low", rationale = DraftRationale })).ShouldHaveStatus(200);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return new World(member, lead, other, plan, commitment, $"{code}0001", milestone, ReviewReport.IdFor(plan, ReportKind.Midterm),
            ReviewReport.IdFor(plan, ReportKind.EndOfTerm));
    }

    // Every GET route the application maps, each parameter filled with each value of the world it could take.
    private IReadOnlyList<(string Route, string Url)> Reads(World w)
    {
        var ids = new[] { w.Member, w.Lead, w.Other, w.Plan, w.Commitment, w.Milestone, w.Midterm, w.EndOfTerm }.Select(id => id.ToString()).ToArray();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern).DistinctBy(p => p.RawText).ToList();
        var reads = new List<(string, string)>();
        foreach (var route in routes)
        {
            IEnumerable<string> urls = [""];
            foreach (var segment in route.PathSegments)
            {
                var choices = Choices(segment, w, ids);
                urls = urls.SelectMany(prefix => choices.Select(choice => $"{prefix}/{choice}")).ToList();
            }
            foreach (var url in urls.Distinct())
                foreach (var query in new[] { "", "?asOf=2999-12-31", "?asOf=2016-12-31" })
                    reads.Add((route.RawText ?? url, (url.Length == 0 ? "/" : url) + query));
        }
        return reads;
    }

    private static IReadOnlyList<string> Choices(RoutePatternPathSegment segment, World w, string[] ids)
    {
        if (segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart literal) return [literal.Content];
        IReadOnlyList<string> choices = [""];
        foreach (var part in segment.Parts)
        {
            IReadOnlyList<string> options = part switch
            {
                RoutePatternLiteralPart l => [l.Content],
                RoutePatternSeparatorPart s => [s.Content],
                RoutePatternParameterPart { Name: "kind" } => ["midterm", "end-of-term"],
                RoutePatternParameterPart { Name: "code" or "idOrCode" } => [w.Code, w.Commitment.ToString()],
                RoutePatternParameterPart => ids,
                _ => [""],
            };
            choices = choices.SelectMany(c => options.Select(o => c + o)).ToList();
        }
        return choices;
    }

    private static async Task<string> Everything(HttpResponseMessage response)
    {
        var text = new StringBuilder();
        foreach (var header in response.Headers.Concat(response.Content.Headers)) text.Append(header.Key).Append(": ").AppendJoin(",", header.Value).Append('\n');
        text.Append(await response.Content.ReadAsStringAsync());
        return text.ToString();
    }

    [Fact]
    public async Task no_public_output_carries_private_evidence_or_the_draft_review_to_those_who_may_not_see_them()
    {
        var w = await PlanWithPrivateEvidenceAndADraftReview();
        var reads = Reads(w);
        var outsiders = new (string Who, HttpClient Client)[]
        {
            ("anonymous", app.Anonymous()),
            ("a ministry that does not lead the commitment", app.As(TrackerRole.Ministry, w.Other, userId: "other-ministry")),
            ("a reviewer not assigned to the plan", app.As(TrackerRole.Reviewer, userId: "irm-elsewhere")),
        };
        var midterm = $"/api/plans/{w.Plan}/reviews/midterm";
        var leaks = new List<string>();
        var answered = new HashSet<string>();
        var sent = 0;

        foreach (var (who, client) in outsiders)
        {
            foreach (var (route, url) in reads)
            {
                var response = await client.GetAsync(url);
                sent++;
                if ((int)response.StatusCode < 500) answered.Add(route);
                if ((await Everything(response)).Contains(Marker, StringComparison.Ordinal)) leaks.Add($"{who}: GET {url} → {(int)response.StatusCode}");
            }
            // Refused writes answer with messages of their own: none repeats the draft.
            foreach (var (url, body) in new (string, object)[]
                     {
                         ($"{midterm}/assessments", new { commitmentId = w.Commitment, indicator = "Completion", value = "Limited" }),
                         ($"{midterm}/comments", new { author = "Curious", text = "Is it out?" }),
                         ($"{midterm}/publication", new { }),
                         ($"/api/milestones/{w.Milestone}/progress", new { level = "Limited", narrative = "Meddling.", asOf = "2016-07-31" }),
                     })
            {
                var response = await client.Post(url, body);
                sent++;
                ((int)response.StatusCode).ShouldBeInRange(400, 499, url);
                if ((await Everything(response)).Contains(Marker, StringComparison.Ordinal)) leaks.Add($"{who}: POST {url} → {(int)response.StatusCode}");
            }
        }

        var routes = reads.Select(r => r.Route).Distinct().ToList();
        output.WriteLine($"privacy sweep: {sent} requests over {routes.Count} GET routes by {outsiders.Length} callers, {leaks.Count} leaks");
        leaks.ShouldBeEmpty();
        sent.ShouldBeGreaterThan(1_000);
        routes.Except(answered).ShouldBeEmpty("every GET route must have answered the sweep below 500");
        routes.ShouldContain(r => r.Contains("history")); // the sweep reached the audit trail, exports and pages too
        routes.ShouldContain(r => r.Contains(".csv"));
        routes.ShouldContain(r => r.Contains(".atom"));
    }

    [Fact]
    public async Task those_who_may_see_the_private_texts_do_so_the_sweep_looks_for_what_is_there()
    {
        var w = await PlanWithPrivateEvidenceAndADraftReview();
        var midterm = $"/api/plans/{w.Plan}/reviews/midterm";

        (await Everything(await app.Admin().GetAsync($"/api/milestones/{w.Milestone}"))).ShouldContain(PrivateUrl);
        (await Everything(await app.As(TrackerRole.Ministry, w.Lead).GetAsync($"/api/commitments/{w.Commitment}"))).ShouldContain(PrivateTitle);
        (await Everything(await app.As(TrackerRole.Reviewer, userId: "irm-sweep").GetAsync($"/api/streams/{w.Milestone}/history"))).ShouldContain(PrivateUrl);
        (await Everything(await app.As(TrackerRole.Reviewer, userId: "irm-sweep").GetAsync(midterm))).ShouldContain(DraftRationale);
        (await Everything(await app.Admin().GetAsync(midterm))).ShouldContain(DraftReviewer);
    }

    [Fact]
    public async Task a_reviewer_sees_private_evidence_of_the_plan_they_review_and_not_of_another()
    {
        var w = await PlanWithPrivateEvidenceAndADraftReview();

        (await Everything(await app.As(TrackerRole.Reviewer, userId: "irm-sweep").GetAsync($"/api/milestones/{w.Milestone}"))).ShouldContain(PrivateTitle);
        (await Everything(await app.As(TrackerRole.Reviewer, userId: "irm-elsewhere").GetAsync($"/api/milestones/{w.Milestone}"))).ShouldNotContain(Marker);
        (await Everything(await app.As(TrackerRole.Reviewer, userId: "irm-elsewhere").GetAsync($"/api/commitments/{w.Code}"))).ShouldNotContain(Marker);
        (await Everything(await app.As(TrackerRole.Reviewer, userId: "irm-elsewhere").GetAsync($"/api/streams/{w.Milestone}/history"))).ShouldNotContain(Marker);
    }

    [Theory]
    [InlineData("action-plan-review")]
    [InlineData("results-report")]
    public async Task a_reviewer_of_the_current_method_sees_private_evidence_of_the_plan_they_review(string kind)
    {
        var w = await PlanWithPrivateEvidenceAndADraftReview();
        var report = $"/api/plans/{w.Plan}/reviews/{kind}";
        await (await app.Admin().Post(report, new { })).ShouldHaveStatus(201);
        await (await app.Admin().Post($"{report}/reviewers", new { reviewerId = $"irm-{kind}", name = "IRM researcher", isLead = true })).ShouldHaveStatus(200);
        var reviewer = app.As(TrackerRole.Reviewer, userId: $"irm-{kind}");

        (await Everything(await reviewer.GetAsync($"/api/milestones/{w.Milestone}"))).ShouldContain(PrivateTitle);
        (await Everything(await reviewer.GetAsync($"/api/commitments/{w.Code}"))).ShouldContain(PrivateTitle);
    }
}
