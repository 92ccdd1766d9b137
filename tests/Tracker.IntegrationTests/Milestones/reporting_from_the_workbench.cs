using System.Net;
using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Milestones;

/// <summary>
/// The ministry's workbench forms write through the API's own commands: the same events, the same refusals (a ministry
/// that does not lead the commitment gets 403 and nothing is written), the same field names beside the fields, and a
/// stale form shows both versions instead of overwriting.
/// </summary>
public class reporting_from_the_workbench(WriteWorld world) : IClassFixture<WriteWorld>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private async Task<HttpClient> Lead() => world.As(TrackerRole.Ministry, await world.LeadId(), "lead-staff");
    private async Task<HttpClient> Other() => world.As(TrackerRole.Ministry, await world.OtherMinistryId(), "other-staff");

    private static List<KeyValuePair<string, string>> Report(long version, string narrative = "Consulted civil society.") =>
    [
        F("level", "Limited"), F("percent", "40"), F("asOf", "2017-01-31"), F("narrative", narrative),
        F("evidence[0].title", "Consultation report"), F("evidence[0].url", "https://example.org/consultation"), F("evidence[0].visibility", "Public"),
        F("evidence[1].title", "Internal minutes"), F("evidence[1].url", "https://example.org/minutes"), F("evidence[1].visibility", "Private"),
        F("version", version.ToString()), F("action", "send"),
    ];

    [Theory]
    [InlineData("reported")]
    [InlineData("moved")]
    [InlineData("submitted")]
    public async Task a_made_up_link_to_the_workbench_does_not_say_that_something_was_saved(string notice)
    {
        var untouched = await world.NewMilestone();
        var lead = await Lead();

        foreach (var value in new[] { "x", untouched.ToString(), Guid.NewGuid().ToString() })
        {
            var html = await (await lead.GetAsync($"/workbench/commitments?{notice}={value}")).Content.ReadAsStringAsync();

            html.ShouldNotContain("class=\"notice\"", customMessage: $"?{notice}={value}");
        }
    }

    [Fact]
    public async Task the_form_writes_the_same_report_as_the_api_with_its_public_and_private_links()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var before = await world.EventCount();

        var sent = await lead.PostForm($"/workbench/milestones/{milestone}/progress", Report(1), await lead.TokenFrom($"/workbench/milestones/{milestone}/progress"));

        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        sent.Headers.Location!.ToString().ShouldBe($"/workbench/commitments?reported={milestone}");
        (await (await lead.GetAsync(sent.Headers.Location)).Content.ReadAsStringAsync()).ShouldContain("Your progress report was saved.");
        (await world.EventCount()).ShouldBe(before + 1);
        var stored = await lead.Get<JsonElement>($"/api/milestones/{milestone}");
        var latest = stored.GetProperty("latestProgress");
        latest.GetProperty("level").GetString().ShouldBe("limited");
        latest.GetProperty("percent").GetInt32().ShouldBe(40);
        latest.GetProperty("reportedBy").GetString().ShouldBe("lead-staff");
        latest.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("visibility").GetString()).ShouldBe(["public", "private"]);
        var publicView = await world.Anonymous().Get<JsonElement>($"/api/milestones/{milestone}");
        publicView.GetProperty("latestProgress").GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("url").GetString())
            .ShouldBe(["https://example.org/consultation"]);
    }

    [Fact]
    public async Task a_ministry_cannot_open_or_send_the_forms_of_a_milestone_its_institution_does_not_lead()
    {
        var milestone = await world.NewMilestone();
        var other = await Other();
        var before = await world.EventCount();

        var progressPage = await other.GetAsync($"/workbench/milestones/{milestone}/progress");
        var rebaselinePage = await other.GetAsync($"/workbench/milestones/{milestone}/rebaseline");
        var sent = await other.SubmitForm($"/workbench/milestones/{milestone}/progress", Report(1, "Not ours to report."));
        var moved = await other.SubmitForm($"/workbench/milestones/{milestone}/rebaseline", [F("newEnd", "2018-06-30"), F("justification", "Not ours."), F("version", "1")]);

        progressPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        rebaselinePage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        sent.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        moved.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await progressPage.Content.ReadAsStringAsync()).ShouldNotContain("name=\"narrative\"");
        (await sent.Content.ReadAsStringAsync()).ShouldNotContain("Not ours to report.");
        (await world.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_reviewer_and_an_admin_have_no_progress_form()
    {
        var milestone = await world.NewMilestone();

        var reviewer = await world.As(TrackerRole.Reviewer, userId: "irm-1").GetAsync($"/workbench/milestones/{milestone}/progress");
        var admin = await world.Admin().GetAsync($"/workbench/milestones/{milestone}/progress");

        reviewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        admin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_refused_report_names_each_field_beside_it_as_the_api_does_and_keeps_what_was_typed()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var before = await world.EventCount();
        var fields = Report(1, narrative: "Typed with care.").Select(f => f.Key switch
        {
            "level" => F("level", "Complete"),
            "evidence[0].url" => F("evidence[0].url", "not a url"),
            _ => f,
        }).ToList();

        var refused = await lead.SubmitForm($"/workbench/milestones/{milestone}/progress", fields);
        var api = await lead.Post($"/api/milestones/{milestone}/progress", new
        {
            level = "Complete", percent = 40, asOf = "2017-01-31", narrative = "Typed with care.",
            evidence = new[] { new { title = "Consultation report", url = "not a url", visibility = "Public" } },
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        var problem = await api.ShouldBeProblem(400);
        foreach (var field in problem.GetProperty("errors").EnumerateObject().Select(e => e.Name))
            html.ShouldContain($"id=\"{Tracker.PublicSite.FormErrors.ErrorId(field)}\"");
        html.ShouldContain("id=\"percent-error\"");
        html.ShouldContain("id=\"evidence-0--url-error\"");
        html.ShouldContain("<a href=\"#evidence-0--url\">Evidence link 1, address (URL):", Case.Sensitive, "the summary names the field as its label does");
        html.ShouldContain("Typed with care.</textarea>");
        html.ShouldContain("value=\"not a url\"");
        (await world.EventCount()).ShouldBe(before);
    }

    // Typed text is read by a name of the field's values only: a number ("7", an undefined visibility), a word that names
    // no value (once read as Public, which would publish evidence meant to be private) and a field sent twice (read as
    // "Limited,Complete", the bitwise OR of two levels) are refused beside the field, and nothing is written.
    [Theory]
    [InlineData("evidence[1].visibility", "7", "evidence-1--visibility-error")]
    [InlineData("evidence[1].visibility", "Secret", "evidence-1--visibility-error")]
    [InlineData("level", "1", "level-error")]
    public async Task a_value_that_is_not_one_of_the_fields_names_is_refused_beside_it_and_writes_nothing(string field, string value, string errorId)
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var before = await world.EventCount();
        var fields = Report(1).Select(f => f.Key == field ? F(field, value) : f).ToList();

        var refused = await lead.SubmitForm($"/workbench/milestones/{milestone}/progress", fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain($"id=\"{errorId}\"");
        (await world.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_evidence_row_numbered_beyond_the_rows_the_form_offers_is_recorded_not_dropped()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var fields = Report(1).Where(f => !f.Key.StartsWith("evidence[", StringComparison.Ordinal))
            .Append(F("evidence[40].title", "Annex")).Append(F("evidence[40].url", "https://example.org/annex")).ToList();

        var sent = await lead.SubmitForm($"/workbench/milestones/{milestone}/progress", fields);

        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var latest = (await lead.Get<JsonElement>($"/api/milestones/{milestone}")).GetProperty("latestProgress");
        latest.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("url").GetString()).ShouldBe(["https://example.org/annex"]);
    }

    [Fact]
    public async Task more_evidence_rows_than_the_api_takes_are_refused_beside_the_links_and_write_nothing()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var before = await world.EventCount();
        var fields = Report(1).Where(f => !f.Key.StartsWith("evidence[", StringComparison.Ordinal))
            .Concat(Enumerable.Range(0, 21).SelectMany(i => new[] { F($"evidence[{i * 3}].title", $"Link {i}"), F($"evidence[{i * 3}].url", $"https://example.org/{i}") }))
            .ToList();

        var refused = await lead.SubmitForm($"/workbench/milestones/{milestone}/progress", fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"evidence-error\"");
        html.ShouldContain("https://example.org/20");
        (await world.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_level_sent_twice_is_refused_rather_than_read_as_a_third_one()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var before = await world.EventCount();
        var fields = Report(1).Select(f => f.Key == "percent" ? F("percent", "100") : f).Append(F("level", "Complete")).ToList();

        var refused = await lead.SubmitForm($"/workbench/milestones/{milestone}/progress", fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("id=\"level-error\"");
        (await world.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_form_sent_over_a_newer_version_says_so_shows_both_and_overwrites_nothing()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var token = await lead.TokenFrom($"/workbench/milestones/{milestone}/progress");
        (await lead.Post($"/api/milestones/{milestone}/progress", new { level = "Substantial", narrative = "A colleague's report.", asOf = "2017-02-28" }))
            .EnsureSuccessStatusCode();
        var before = await world.EventCount();

        var stale = await lead.PostForm($"/workbench/milestones/{milestone}/progress", Report(1, "My report, typed before theirs."), token);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await stale.Content.ReadAsStringAsync();
        html.ShouldContain("Someone changed this milestone after you opened the form");
        html.ShouldContain("What you sent");
        html.ShouldContain("What is stored now");
        html.ShouldContain("A colleague&#x27;s report.");
        html.ShouldContain("My report, typed before theirs.</textarea>");
        html.ShouldContain("name=\"version\" value=\"2\"");
        (await world.EventCount()).ShouldBe(before);
        (await lead.Get<JsonElement>($"/api/milestones/{milestone}")).GetProperty("latestProgress").GetProperty("narrative").GetString().ShouldBe("A colleague's report.");
    }

    [Fact]
    public async Task a_draft_is_kept_for_later_and_writes_nothing_until_it_is_sent()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var before = await world.EventCount();
        var draft = Report(1, "Half-written.").Select(f => f.Key == "action" ? F("action", "draft") : f).ToList();

        var saved = await lead.SubmitForm($"/workbench/milestones/{milestone}/progress", draft);
        var reopened = await world.As(TrackerRole.Ministry, await world.LeadId(), "a-colleague").GetAsync($"/workbench/milestones/{milestone}/progress");

        saved.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await (await lead.GetAsync(saved.Headers.Location)).Content.ReadAsStringAsync()).ShouldContain("Your draft was saved");
        (await reopened.Content.ReadAsStringAsync()).ShouldContain("Half-written.</textarea>");
        (await world.EventCount()).ShouldBe(before);
        var sent = await lead.SubmitForm($"/workbench/milestones/{milestone}/progress", Report(1, "Half-written, now done."));
        sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await (await lead.GetAsync($"/workbench/milestones/{milestone}/progress")).Content.ReadAsStringAsync()).ShouldNotContain("This is your draft");
    }

    [Fact]
    public async Task the_preview_shows_what_the_public_will_see_without_the_private_link()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();
        var fields = Report(1).Select(f => f.Key == "action" ? F("action", "preview") : f).ToList();
        var before = await world.EventCount();

        var preview = await lead.SubmitForm($"/workbench/milestones/{milestone}/progress", fields);

        var html = await preview.Content.ReadAsStringAsync();
        var shown = html[html.IndexOf("What the public will see", StringComparison.Ordinal)..html.IndexOf("Your report</h2>", StringComparison.Ordinal)];
        shown.ShouldContain("https://example.org/consultation");
        shown.ShouldNotContain("https://example.org/minutes");
        shown.ShouldContain("Not shown to the public");
        (await world.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task the_rebaselining_form_moves_the_end_date_with_its_justification()
    {
        var milestone = await world.NewMilestone();
        var lead = await Lead();

        var moved = await lead.SubmitForm($"/workbench/milestones/{milestone}/rebaseline",
            [F("newEnd", "2018-05-31"), F("justification", "Elections delayed the work."), F("version", "1")]);

        moved.Headers.Location!.ToString().ShouldBe($"/workbench/commitments?moved={milestone}");
        var stored = await lead.Get<JsonElement>($"/api/milestones/{milestone}");
        stored.GetProperty("plannedEnd").GetString().ShouldBe("2018-05-31");
        stored.GetProperty("rebaselines")[0].GetProperty("justification").GetString().ShouldBe("Elections delayed the work.");
    }

    [Fact]
    public async Task my_commitments_lists_what_the_institution_leads_and_nothing_else()
    {
        var mine = await world.NewMilestone();
        var html = await (await (await Lead()).GetAsync("/workbench/commitments")).Content.ReadAsStringAsync();
        var others = await (await (await Other()).GetAsync("/workbench/commitments")).Content.ReadAsStringAsync();

        html.ShouldContain($"/workbench/milestones/{mine}/progress");
        html.ShouldContain("Overdue milestones");
        others.ShouldNotContain($"/workbench/milestones/{mine}/progress");
    }
}
