using System.Net;
using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Reviews;

/// <summary>
/// The reviewer's and the point of contact's pages through HTTP, with the cookie session a browser has: the forms write
/// through the API's own commands, a reviewer reaches only the reports it is assigned to, and a refused form writes nothing.
/// </summary>
public class reviewing_on_the_workbench(TrackerApp app) : IClassFixture<TrackerApp>
{
    private static int _plans;

    private sealed record Report(Guid Plan, Guid Commitment, string Api, string Workbench, string Assess);

    private async Task<Report> DraftReport(params (string Id, bool Lead)[] reviewers)
    {
        var admin = app.Admin();
        var n = Interlocked.Increment(ref _plans);
        var member = await Arrange.Member(admin, $"Reviewland {n}", $"RW{n}");
        var lead = await Arrange.Institution(admin, member, "Ministry of Reviews");
        var plan = await Arrange.Plan(admin, member, $"Reviewland plan {n}", "2016-01-01", "2018-06-30", 1);
        var commitment = await Arrange.Commitment(admin, plan, $"RW{n}0001", lead);
        var api = $"/api/plans/{plan}/reviews/midterm";
        await (await admin.Post(api, new { })).ShouldHaveStatus(201);
        foreach (var (id, isLead) in reviewers)
            await (await admin.Post($"{api}/reviewers", new { reviewerId = id, name = $"Researcher {id}", isLead })).ShouldHaveStatus(200);
        var workbench = $"/workbench/reviews/{plan}/midterm";
        return new Report(plan, commitment, api, workbench, $"{workbench}/commitments/{commitment}");
    }

    private async Task<HttpClient> SignedIn(string role, string userId)
    {
        var browser = app.Browser();
        var response = await browser.PostForm("/sign-in", [new("role", role), new("institution", ""), new("userId", userId), new("returnUrl", "/workbench")],
            await browser.TokenFrom("/sign-in"));
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        return browser;
    }

    private static List<KeyValuePair<string, string>> Assessment(string indicator, string value, string? version = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("indicator", indicator), new("state", "Assessed"), new("value", value), new("rationale", "From the text.") };
        if (version is not null) fields.Add(new("version", version));
        return fields;
    }

    private async Task<long> EventsOf(string api) =>
        (await app.Admin().Get<JsonElement>(api)).GetProperty("version").GetInt64();

    [Fact]
    public async Task a_reviewer_not_assigned_to_a_report_gets_403_for_its_pages_and_its_form_and_nothing_is_written()
    {
        var report = await DraftReport(("irm-assigned", true));
        var outsider = await SignedIn("reviewer", "irm-outsider");
        var before = await EventsOf(report.Api);

        var page = await outsider.GetAsync(report.Workbench);
        var assess = await outsider.GetAsync(report.Assess);
        var post = await outsider.PostForm(report.Assess + "/assessments", Assessment("Specificity", "High"), await outsider.TokenFrom("/workbench"));
        var list = await (await outsider.GetAsync("/workbench/reviews")).Content.ReadAsStringAsync();

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        assess.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await post.Content.ReadAsStringAsync()).ShouldContain("not assigned to this report");
        list.ShouldNotContain(report.Workbench);
        (await EventsOf(report.Api)).ShouldBe(before);
    }

    [Fact]
    public async Task an_assigned_reviewer_records_an_assessment_through_the_form_and_the_api_reads_it()
    {
        var report = await DraftReport(("irm-form", true));
        var reviewer = await SignedIn("reviewer", "irm-form");

        var list = await (await reviewer.GetAsync("/workbench/reviews")).Content.ReadAsStringAsync();
        var posted = await reviewer.PostForm(report.Assess + "/assessments", Assessment("Specificity", "Medium"), await reviewer.TokenFrom(report.Assess));

        list.ShouldContain(report.Workbench);
        posted.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        posted.Headers.Location!.ToString().ShouldStartWith(report.Assess + "?saved=Specificity");
        var workbench = await app.As(Tracker.Infrastructure.TrackerRole.Reviewer, userId: "irm-form").Get<JsonElement>(report.Api + "/workbench");
        var assessment = workbench[0].GetProperty("assessments")[0];
        assessment.GetProperty("reviewerId").GetString().ShouldBe("irm-form");
        assessment.GetProperty("score").GetProperty("rating").GetString().ShouldBe("medium");
    }

    [Fact]
    public async Task a_value_off_the_scale_is_refused_beside_its_field_with_what_was_typed_kept()
    {
        var report = await DraftReport(("irm-typo", false));
        var reviewer = await SignedIn("reviewer", "irm-typo");
        var before = await EventsOf(report.Api);

        var posted = await reviewer.PostForm(report.Assess + "/assessments",
            [new("indicator", "Specificity"), new("value", "Enormous"), new("rationale", "Typed with care.")], await reviewer.TokenFrom(report.Assess));
        var html = await posted.Content.ReadAsStringAsync();

        posted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"value-error\"");
        html.ShouldContain("For Specificity: one of None, Low, Medium, High.");
        html.ShouldContain("Typed with care.");
        (await EventsOf(report.Api)).ShouldBe(before);
    }

    [Fact]
    public async Task not_applicable_chosen_with_the_earlier_level_still_ticked_records_not_applicable()
    {
        var report = await DraftReport(("irm-change", true));
        var reviewer = await SignedIn("reviewer", "irm-change");

        var posted = await reviewer.PostForm(report.Assess + "/assessments",
            [new("indicator", "Specificity"), new("state", "NotApplicable"), new("value", "Medium"), new("rationale", "Withdrawn from the plan.")],
            await reviewer.TokenFrom(report.Assess));

        posted.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var workbench = await app.As(Tracker.Infrastructure.TrackerRole.Reviewer, userId: "irm-change").Get<JsonElement>(report.Api + "/workbench");
        workbench[0].GetProperty("assessments")[0].GetProperty("score").GetProperty("rating").GetString().ShouldBe("notApplicable");
    }

    [Fact]
    public async Task the_api_refuses_a_value_sent_beside_not_assessed_naming_the_value_and_writes_nothing()
    {
        var report = await DraftReport(("irm-json", true));
        var reviewer = app.As(Tracker.Infrastructure.TrackerRole.Reviewer, userId: "irm-json");
        var before = await EventsOf(report.Api);

        var response = await reviewer.Post(report.Api + "/assessments", new { commitmentId = report.Commitment, indicator = "Specificity", state = "notAssessed", value = "Low" });

        var problem = await response.ShouldBeProblem(400);
        problem.GetProperty("errors").GetProperty("value")[0].GetString().ShouldBe("A rating recorded as NotAssessed has no value; leave the value out.");
        (await EventsOf(report.Api)).ShouldBe(before);
    }

    [Fact]
    public async Task a_form_sent_over_a_newer_version_says_so_shows_both_values_and_overwrites_nothing()
    {
        var report = await DraftReport(("irm-a", true), ("irm-b", false));
        var first = await SignedIn("reviewer", "irm-a");
        var second = await SignedIn("reviewer", "irm-b");
        var version = (await EventsOf(report.Api)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Both opened the page at this version; the second records first.
        (await second.PostForm(report.Assess + "/assessments", Assessment("Specificity", "Low", version), await second.TokenFrom(report.Assess)))
            .StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var before = await EventsOf(report.Api);

        var stale = await first.PostForm(report.Assess + "/assessments", Assessment("Specificity", "High", version), await first.TokenFrom(report.Assess));
        var html = await stale.Content.ReadAsStringAsync();

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldContain("Nothing was saved");
        html.ShouldContain("<dt>You sent</dt><dd>Specificity: High</dd>");
        html.ShouldContain("Low (one reviewer)");
        (await EventsOf(report.Api)).ShouldBe(before);
    }

    [Fact]
    public async Task a_form_sent_after_the_report_was_published_says_it_is_published_not_that_someone_else_recorded()
    {
        var report = await DraftReport(("irm-late", true));
        var reviewer = await SignedIn("reviewer", "irm-late");
        var token = await reviewer.TokenFrom(report.Assess);
        var version = (await EventsOf(report.Api)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await (await app.Admin().Post($"{report.Api}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })).ShouldHaveStatus(200);
        await (await app.Admin().Post($"{report.Api}/publication", new { })).ShouldHaveStatus(200);

        var late = await reviewer.PostForm(report.Assess + "/assessments", Assessment("Specificity", "High", version), token);
        var html = System.Net.WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());

        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldNotContain("Someone recorded an assessment since you opened this page");
        html.ShouldNotContain("you may record the panel’s final value");
        html.ShouldContain("published");
    }

    [Fact]
    public async Task an_admin_takes_a_report_from_opening_to_publication_through_the_forms()
    {
        var report = await DraftReport();
        await (await app.Admin().Post($"/api/plans/{report.Plan}/reviews/midterm/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" }))
            .ShouldHaveStatus(200);
        var admin = await SignedIn("admin", "poc-forms");
        var page = $"/workbench/admin/reviews/{report.Plan}/midterm";

        var opened = await admin.PostForm($"/workbench/admin/plans/{report.Plan}/reports", [new("kind", "end-of-term"), new("cutoff", ""), new("starRule", "Irm2015")],
            await admin.TokenFrom($"/workbench/admin/plans/{report.Plan}"));
        var twice = await admin.PostForm($"/workbench/admin/plans/{report.Plan}/reports", [new("kind", "midterm")], await admin.TokenFrom($"/workbench/admin/plans/{report.Plan}"));
        var published = await admin.PostForm(page + "/publication", [], await admin.TokenFrom(page));

        opened.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("already has a Midterm report");
        published.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await app.Anonymous().Get<JsonElement>(report.Api)).GetProperty("status").GetString().ShouldBe("published");
        (await app.Admin().Get<JsonElement>($"/api/plans/{report.Plan}/reviews/end-of-term")).GetProperty("status").GetString().ShouldBe("draft");
    }
}
