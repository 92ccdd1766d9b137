using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.IntegrationTests.OpenData;

namespace Tracker.IntegrationTests.Plans;

/// <summary>
/// The point of contact's plan, commitment and milestone forms through HTTP, with the cookie session a browser has: each
/// writes through the API's own command, a refused form shows the API's errors beside their fields with what was typed,
/// a stale form overwrites nothing, and no other role opens or sends them.
/// </summary>
public partial class administering_plans_on_the_workbench(TrackerApp app) : IClassFixture<TrackerApp>
{
    private static int _members;

    private sealed record World(string Code, Guid Member, Guid Lead, Guid Plan, Guid Commitment, Guid Milestone);

    private async Task<World> NewWorld()
    {
        var admin = app.Admin();
        var n = Interlocked.Increment(ref _members);
        var member = await Arrange.Member(admin, $"Formland {n}", $"FL{n}");
        var lead = await Arrange.Institution(admin, member, "Ministry of Forms");
        var plan = await Arrange.Plan(admin, member, $"Formland {n} 2016-2018 National Action Plan", "2016-01-01", "2018-06-30", 1);
        var commitment = await Arrange.Commitment(admin, plan, $"FL{n}0001", lead);
        var milestone = await Arrange.Milestone(admin, commitment, "2016-03-01", "2017-03-01");
        return new World($"FL{n}", member, lead, plan, commitment, milestone);
    }

    private static string[] Pages(World w) =>
    [
        "/workbench/admin/plans/new", $"/workbench/admin/plans/{w.Plan}/amend", $"/workbench/admin/plans/{w.Plan}/commitments/new",
        $"/workbench/admin/commitments/{w.Commitment}/revise", $"/workbench/admin/commitments/{w.Commitment}/milestones/new",
        $"/workbench/admin/milestones/{w.Milestone}/withdraw", "/workbench/admin/imports",
    ];

    [Fact]
    public async Task a_ministry_and_a_reviewer_get_403_for_every_form_of_the_point_of_contact_and_their_posts_write_nothing()
    {
        var w = await NewWorld();
        var ministry = await app.SignedIn("ministry", "civil-servant", w.Lead);
        var reviewer = await app.SignedIn("reviewer", "irm-researcher");
        var before = await app.EventCount();

        foreach (var (who, client) in new[] { ("ministry", ministry), ("reviewer", reviewer) })
        foreach (var page in Pages(w))
        {
            (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{who} GET {page}");
            var post = await client.PostForm(page, [new("title", "Taken over"), new("reason", "Because"), new("text", "A milestone")], await client.TokenFrom("/workbench"));
            post.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{who} POST {page}");
            (await post.Content.ReadAsStringAsync()).ShouldContain("This form is for the admin role.");
        }
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_signed_out_reader_is_sent_to_sign_in_and_a_post_without_a_session_gets_401()
    {
        var w = await NewWorld();
        var anonymous = app.Browser();

        var page = await anonymous.GetAsync($"/workbench/admin/plans/{w.Plan}/amend");
        var post = await anonymous.PostForm($"/workbench/admin/plans/{w.Plan}/amend", [new("title", "Taken over")], await anonymous.TokenFrom("/sign-in"));

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/sign-in?returnUrl=");
        post.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_admin_registers_a_plan_a_commitment_and_a_milestone_through_the_forms_and_the_api_reads_them()
    {
        var w = await NewWorld();
        var admin = await app.SignedIn("admin", "poc-forms");

        var plan = await admin.PostForm("/workbench/admin/plans/new", [new("memberId", w.Member.ToString()), new("number", "2"),
            new("title", "Formland 2018-2020 National Action Plan"), new("periodStart", "2018-07-01"), new("periodEnd", "2020-06-30"), new("midtermCutoff", "")],
            await admin.TokenFrom("/workbench/admin/plans/new"));
        plan.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var planPage = plan.Headers.Location!.ToString();
        planPage.ShouldEndWith("?done=registered");
        var planId = Guid.Parse(planPage.Split('/')[4].Split('?')[0]);

        var commitmentForm = $"/workbench/admin/plans/{planId}/commitments/new";
        var commitment = await admin.PostForm(commitmentForm, [new("code", $"{w.Code}0002"), new("number", "01"), new("title", "Open the register of lobbyists"),
            new("leadInstitutionId", w.Lead.ToString()), new("policyAreas", "Lobbying\nOpen Data"), new("claimedValues", "AccessToInformation"),
            new("start", "2018-07-01"), new("end", "2020-06-30")], await admin.TokenFrom(commitmentForm));
        commitment.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var stored = await app.Anonymous().Get<JsonElement>($"/api/commitments/{w.Code}0002");
        stored.GetProperty("planId").GetGuid().ShouldBe(planId);
        stored.GetProperty("policyAreas").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Lobbying", "Open Data"]);

        var milestoneForm = $"/workbench/admin/commitments/{stored.GetProperty("id").GetGuid()}/milestones/new";
        var milestone = await admin.PostForm(milestoneForm, [new("text", "Publish the register online"), new("plannedStart", "2018-09-01"),
            new("plannedEnd", "2019-06-30"), new("number", ""), new("weight", "")], await admin.TokenFrom(milestoneForm));
        milestone.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        milestone.Headers.Location!.ToString().ShouldBe($"/workbench/admin/plans/{planId}?done=milestone");

        var page = await (await admin.GetAsync(milestone.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        page.ShouldContain("The milestone is planned.");
        page.ShouldContain("1. Publish the register online");
        var api = await app.Anonymous().Get<JsonElement>($"/api/plans/{planId}");
        api.GetProperty("title").GetString().ShouldBe("Formland 2018-2020 National Action Plan");
        api.GetProperty("midtermCutoff").GetString().ShouldBe("2019-06-30");
    }

    [Fact]
    public async Task a_form_refused_shows_each_error_of_the_api_beside_its_field_keeps_what_was_typed_and_writes_nothing()
    {
        var w = await NewWorld();
        var admin = await app.SignedIn("admin", "poc-typo");
        var form = $"/workbench/admin/commitments/{w.Commitment}/milestones/new";
        var before = await app.EventCount();

        var shape = await admin.PostForm(form, [new("text", "Typed with care."), new("plannedStart", "2017-06-30"), new("plannedEnd", "2017-01-31")],
            await admin.TokenFrom(form));
        var rule = await admin.PostForm(form, [new("text", "Typed with care, twice."), new("plannedStart", "2017-06-30"), new("plannedEnd", "2019-01-31")],
            await admin.TokenFrom(form));
        var unreadable = await admin.PostForm(form, [new("text", "Typed with care, thrice."), new("plannedStart", "30/06/2017"), new("plannedEnd", "2017-12-31")],
            await admin.TokenFrom(form));

        shape.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await shape.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"plannedEnd-error\"");
        html.ShouldContain("The end must not be before the start.");
        html.ShouldContain("Typed with care.");
        html.ShouldContain("value=\"2017-06-30\"");
        ((int)rule.StatusCode).ShouldBe(400);
        var ruled = await rule.Content.ReadAsStringAsync();
        ruled.ShouldContain("id=\"plannedEnd-error\"");
        ruled.ShouldContain("plan period");
        unreadable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unreadable.Content.ReadAsStringAsync()).ShouldContain("id=\"plannedStart-error\"");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_amendment_sent_over_a_newer_version_shows_both_and_overwrites_nothing()
    {
        var w = await NewWorld();
        var admin = await app.SignedIn("admin", "poc-stale");
        var form = $"/workbench/admin/plans/{w.Plan}/amend";
        var opened = await (await admin.GetAsync(form)).Content.ReadAsStringAsync();
        opened.ShouldContain("name=\"version\" value=\"1\"");
        // Someone else amends the plan after the form was opened.
        await (await app.Admin().Post($"/api/plans/{w.Plan}/amendments", new { title = "Renamed by a colleague", periodStart = "2016-01-01",
            periodEnd = "2018-06-30", midtermCutoff = "2016-12-31", reason = "Official title" })).ShouldHaveStatus(200);
        var before = await app.EventCount();

        var stale = await admin.PostForm(form, [new("title", "Mine"), new("periodStart", "2016-01-01"), new("periodEnd", "2018-12-31"),
            new("midtermCutoff", "2016-12-31"), new("reason", "COVID-19 extension"), new("version", "1")], await admin.TokenFrom(form));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await stale.Content.ReadAsStringAsync();
        html.ShouldContain("Nothing was saved");
        html.ShouldContain("<td data-label=\"What you sent\" class=\"text\">Mine</td>");
        html.ShouldContain("<td data-label=\"What is stored now\" class=\"text\">Renamed by a colleague</td>");
        html.ShouldContain("name=\"version\" value=\"2\"");
        html.ShouldContain("COVID-19 extension");
        (await app.EventCount()).ShouldBe(before);
        (await app.Anonymous().Get<JsonElement>($"/api/plans/{w.Plan}")).GetProperty("title").GetString().ShouldBe("Renamed by a colleague");
    }

    [Fact]
    public async Task an_admin_revises_a_commitment_from_its_stored_text_and_withdraws_a_milestone()
    {
        var w = await NewWorld();
        var admin = await app.SignedIn("admin", "poc-revise");
        var revise = $"/workbench/admin/commitments/{w.Commitment}/revise";
        var withdraw = $"/workbench/admin/milestones/{w.Milestone}/withdraw";

        var opened = await (await admin.GetAsync(revise)).Content.ReadAsStringAsync();
        var revised = await admin.PostForm(revise, [new("title", "A clearer commitment"), new("leadInstitutionId", w.Lead.ToString()),
            new("reason", "Agreed with civil society"), new("version", "1")], await admin.TokenFrom(revise));
        var withdrawn = await admin.PostForm(withdraw, [new("reason", "Replaced by milestone 2"), new("version", "1")], await admin.TokenFrom(withdraw));

        opened.ShouldContain("value=\"A commitment\"");
        revised.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await app.Anonymous().Get<JsonElement>($"/api/commitments/{w.Commitment}")).GetProperty("title").GetString().ShouldBe("A clearer commitment");
        (await app.Anonymous().Get<JsonElement>($"/api/milestones/{w.Milestone}")).GetProperty("withdrawn").GetBoolean().ShouldBeTrue();
    }

    [GeneratedRegex("name=\"newId\" value=\"([^\"]+)\"")]
    private static partial Regex NewIdField();

    [Fact]
    public async Task a_registration_form_sent_twice_registers_once_and_both_go_to_what_it_registered()
    {
        var w = await NewWorld();
        var admin = await app.SignedIn("admin", "poc-double-click");
        var forms = new (string Page, KeyValuePair<string, string>[] Fields)[]
        {
            ("/workbench/admin/plans/new", [new("memberId", w.Member.ToString()), new("number", "3"), new("title", "Formland 2020-2022 National Action Plan"),
                new("periodStart", "2020-07-01"), new("periodEnd", "2022-06-30"), new("midtermCutoff", "")]),
            ($"/workbench/admin/plans/{w.Plan}/commitments/new", [new("code", $"{w.Code}0002"), new("number", "02"), new("title", "Open budgets"),
                new("leadInstitutionId", w.Lead.ToString())]),
            ($"/workbench/admin/commitments/{w.Commitment}/milestones/new", [new("text", "Publish the budget"), new("plannedStart", "2016-03-01"),
                new("plannedEnd", "2017-03-01")]),
        };

        foreach (var (page, fields) in forms)
        {
            var html = await admin.GetStringAsync(page);
            var newId = NewIdField().Match(html).Groups[1].Value;
            var token = await admin.TokenFrom(page);
            var sent = fields.Append(new("newId", newId)).ToList();

            var first = await admin.PostForm(page, sent, token);
            var events = await app.EventCount();
            var again = await admin.PostForm(page, sent, token);

            first.StatusCode.ShouldBe(HttpStatusCode.SeeOther, page);
            again.StatusCode.ShouldBe(HttpStatusCode.SeeOther, page);
            var registered = first.Headers.Location!.ToString();
            again.Headers.Location!.ToString().ShouldBe(registered[..registered.IndexOf('?')] + "?done=again", page);
            (await admin.GetStringAsync(again.Headers.Location)).ShouldContain("That form had been sent already, so nothing was registered twice");
            (await app.EventCount()).ShouldBe(events, $"{page} sent again wrote events");
        }
    }

    [Fact]
    public async Task a_code_already_registered_is_refused_beside_the_code_field_and_what_was_typed_is_kept()
    {
        var w = await NewWorld();
        var admin = await app.SignedIn("admin", "poc-taken-code");
        var page = $"/workbench/admin/plans/{w.Plan}/commitments/new";

        var refused = await admin.PostForm(page, [new("code", $"{w.Code}0001"), new("number", "09"), new("title", "Typed with care"),
            new("leadInstitutionId", w.Lead.ToString())], await admin.TokenFrom(page));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"code-error\"");
        html.ShouldContain("is already registered");
        html.ShouldContain("value=\"Typed with care\"");
    }

    [Fact]
    public async Task a_registration_form_carrying_an_id_tracker_did_not_seal_for_it_registers_something_new()
    {
        var w = await NewWorld();
        var admin = await app.SignedIn("admin", "poc-chosen-id");
        var page = $"/workbench/admin/plans/{w.Plan}/commitments/new";
        var sealedForAnotherPage = NewIdField().Match(await admin.GetStringAsync("/workbench/admin/plans/new")).Groups[1].Value;

        foreach (var (code, chosen) in new[] { ($"{w.Code}0003", w.Commitment.ToString()), ($"{w.Code}0004", sealedForAnotherPage) })
        {
            var sent = await admin.PostForm(page, [new("code", code), new("number", "03"), new("title", "Open land registry"),
                new("leadInstitutionId", w.Lead.ToString()), new("newId", chosen)], await admin.TokenFrom(page));

            sent.Headers.Location!.ToString().ShouldEndWith("?done=commitment", customMessage: chosen);
            (await app.Anonymous().GetAsync($"/api/commitments/{code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}
