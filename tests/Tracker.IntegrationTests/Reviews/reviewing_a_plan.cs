using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.IntegrationTests.OpenData;

namespace Tracker.IntegrationTests.Reviews;

[RunsLong(13)]
public class reviewing_a_plan(TrackerApp app) : IClassFixture<TrackerApp>
{
    private sealed record World(Guid Plan, Guid Commitment, Guid[] Milestones, HttpClient Ministry, string Midterm);

    // A plan of 2016-2018 (midterm cutoff 2016-12-31) with one commitment of two milestones, led by a ministry.
    private async Task<World> ArrangePlan(string code, string memberCode)
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, $"Member {memberCode}", memberCode);
        var lead = await Arrange.Institution(admin, member, $"Ministry of {memberCode}");
        var plan = await Arrange.Plan(admin, member, $"{memberCode} 2016-2018", "2016-01-01", "2018-06-30", 3);
        var commitment = await Arrange.Commitment(admin, plan, code, lead, "Training civil servants on public participation");
        var first = await Arrange.Milestone(admin, commitment, "2016-01-01", "2016-12-31", "Course for all policy staff");
        var second = await Arrange.Milestone(admin, commitment, "2016-01-01", "2017-06-30", "Adapt the work processes");
        return new World(plan, commitment, [first, second], app.As(TrackerRole.Ministry, lead), $"/api/plans/{plan}/reviews/midterm");
    }

    private static async Task Report(HttpClient ministry, Guid milestone, string level, string asOf) =>
        await (await ministry.Post($"/api/milestones/{milestone}/progress", new { level, asOf, narrative = $"{level} as of {asOf}" })).ShouldHaveStatus(200);

    private static async Task Assess(HttpClient reviewer, string report, Guid commitment, string indicator, string value, bool isFinal = false) =>
        await (await reviewer.Post($"{report}/assessments", new { commitmentId = commitment, indicator, value, rationale = "From the self-assessment.", isFinal }))
            .ShouldHaveStatus(200);

    private async Task OpenWithPanel(World w)
    {
        var admin = app.Admin();
        await (await admin.Post(w.Midterm, new { })).ShouldHaveStatus(201);
        await (await admin.Post($"{w.Midterm}/reviewers", new { reviewerId = "irm-lead", name = "Lead researcher", isLead = true })).ShouldHaveStatus(200);
        await (await admin.Post($"{w.Midterm}/reviewers", new { reviewerId = "irm-second", name = "Second researcher" })).ShouldHaveStatus(200);
    }

    /// <summary>The IRM's design reports of 2017–2020 plans say "verifiable?" without a specificity (PY0038, NL0035).</summary>
    [Fact]
    public async Task a_midterm_takes_a_verifiable_verdict_without_a_specificity_and_the_verdict_wins()
    {
        var w = await ArrangePlan("VV0001", "VV");
        await OpenWithPanel(w);
        var lead = app.As(TrackerRole.Reviewer, userId: "irm-lead");

        await Assess(lead, w.Midterm, w.Commitment, "Verifiable", "No", isFinal: true);
        var withoutSpecificity = (await lead.Get<JsonElement>(w.Midterm)).GetProperty("commitments")[0];
        await Assess(lead, w.Midterm, w.Commitment, "Specificity", "High", isFinal: true);
        var withSpecificity = (await lead.Get<JsonElement>(w.Midterm)).GetProperty("commitments")[0];

        withoutSpecificity.GetProperty("verifiable").GetBoolean().ShouldBeFalse();
        withSpecificity.GetProperty("verifiable").GetBoolean().ShouldBeFalse(); // High would derive Yes: the verdict wins
    }

    [Fact]
    public async Task a_whole_midterm_cycle_ignores_progress_after_the_cutoff_and_a_published_report_no_longer_changes()
    {
        var w = await ArrangePlan("NL0025", "NL");
        await Report(w.Ministry, w.Milestones[0], "Complete", "2016-10-01");
        await Report(w.Ministry, w.Milestones[1], "Limited", "2016-11-30");
        await Report(w.Ministry, w.Milestones[1], "Complete", "2017-03-01"); // after the midterm cutoff
        await OpenWithPanel(w);
        var lead = app.As(TrackerRole.Reviewer, userId: "irm-lead");
        var second = app.As(TrackerRole.Reviewer, userId: "irm-second");

        await Assess(lead, w.Midterm, w.Commitment, "Specificity", "High");
        await Assess(second, w.Midterm, w.Commitment, "Specificity", "Medium");
        foreach (var reviewer in new[] { lead, second })
        {
            await Assess(reviewer, w.Midterm, w.Commitment, "Relevance", "CivicParticipation");
            await Assess(reviewer, w.Midterm, w.Commitment, "PotentialImpact", "Transformative");
            await Assess(reviewer, w.Midterm, w.Commitment, "Completion", "Substantial");
        }

        var beforeFinal = (await lead.Get<JsonElement>(w.Midterm)).GetProperty("commitments")[0];
        beforeFinal.GetProperty("specificity").GetString().ShouldBe("medium"); // the lower median of Medium and High
        beforeFinal.GetProperty("panel").GetProperty("specificity").GetProperty("disagreement").GetBoolean().ShouldBeTrue();

        await Assess(lead, w.Midterm, w.Commitment, "Specificity", "High", isFinal: true);
        var draft = await lead.Get<JsonElement>(w.Midterm);
        var entry = draft.GetProperty("commitments")[0];
        entry.GetProperty("code").GetString().ShouldBe("NL0025");
        entry.GetProperty("specificity").GetString().ShouldBe("high");
        entry.GetProperty("panel").GetProperty("specificity").GetProperty("isFinal").GetBoolean().ShouldBeTrue();
        entry.GetProperty("relevant").GetBoolean().ShouldBeTrue();
        entry.GetProperty("verifiable").GetBoolean().ShouldBeTrue();
        entry.GetProperty("potentialImpact").GetString().ShouldBe("transformative");
        entry.GetProperty("completion").GetString().ShouldBe("substantial");
        entry.GetProperty("computedCompletion").GetString().ShouldBe("substantial"); // the 2017 report is after the cutoff
        entry.GetProperty("onTime").GetBoolean().ShouldBeTrue();
        entry.GetProperty("starred").GetBoolean().ShouldBeTrue();
        entry.GetProperty("bindingConstraint").GetString().ShouldBe("star");
        draft.GetProperty("status").GetString().ShouldBe("draft");

        await (await app.Anonymous().GetAsync(w.Midterm)).ShouldBeProblem(401, "report.draft");
        await (await app.As(TrackerRole.Reviewer, userId: "someone-else").GetAsync(w.Midterm)).ShouldBeProblem(403, "report.draft");

        var today = Tracker.Infrastructure.Days.Of(app.Services.GetRequiredService<TimeProvider>());
        await (await app.Admin().Post($"{w.Midterm}/public-comment", new { opens = today.AddDays(-1), closes = today.AddDays(14) })).ShouldHaveStatus(200);
        var forComment = await app.Anonymous().Get<JsonElement>(w.Midterm); // the public reads what it comments on
        forComment.GetProperty("status").GetString().ShouldBe("publicComment");
        await (await app.Anonymous().Post($"{w.Midterm}/comments", new { author = "Open State Foundation", text = "The course reached 6 of 11 tranches only.", commitmentCode = "NL0025" }))
            .ShouldHaveStatus(201);
        await (await app.Admin().Post($"{w.Midterm}/publication", new { })).ShouldHaveStatus(200);

        var published = await app.Anonymous().Get<JsonElement>(w.Midterm);
        published.GetProperty("status").GetString().ShouldBe("published");
        published.GetProperty("comments")[0].GetProperty("author").GetString().ShouldBe("Open State Foundation");
        published.GetProperty("totals").GetProperty("starred").GetInt32().ShouldBe(1);

        // Later facts, even about days before the cutoff, no longer move a published report.
        await Report(w.Ministry, w.Milestones[1], "Complete", "2016-12-15");
        await (await lead.Post($"{w.Midterm}/assessments", new { commitmentId = w.Commitment, indicator = "Completion", value = "Complete" }))
            .ShouldBeProblem(409, "report.published");
        var later = await app.Anonymous().Get<JsonElement>(w.Midterm);
        later.GetProperty("commitments").GetRawText().ShouldBe(published.GetProperty("commitments").GetRawText());
    }

    [Fact]
    public async Task an_erratum_corrects_a_published_rating_and_the_ratings_that_depend_on_it_and_one_that_changes_nothing_is_refused()
    {
        var w = await ArrangePlan("GH0040", "GH");
        await OpenWithPanel(w);
        var lead = app.As(TrackerRole.Reviewer, userId: "irm-lead");
        await Assess(lead, w.Midterm, w.Commitment, "Specificity", "High", isFinal: true);
        await Assess(lead, w.Midterm, w.Commitment, "Relevance", "AccessToInformation", isFinal: true);
        await Assess(lead, w.Midterm, w.Commitment, "PotentialImpact", "Transformative", isFinal: true);
        await Assess(lead, w.Midterm, w.Commitment, "Completion", "Complete", isFinal: true);
        var today = Tracker.Infrastructure.Days.Of(app.Services.GetRequiredService<TimeProvider>());
        await (await app.Admin().Post($"{w.Midterm}/public-comment", new { opens = today, closes = today.AddDays(7) })).ShouldHaveStatus(200);
        await (await app.Admin().Post($"{w.Midterm}/publication", new { })).ShouldHaveStatus(200);

        await (await app.Admin().Post($"{w.Midterm}/errata", new
        {
            commitmentId = w.Commitment, indicator = "PotentialImpact", value = "Moderate", reason = "The scope covers one ministry only.",
        })).ShouldHaveStatus(200);
        var before = await app.EventCount();
        var nothingChanged = await app.Admin().Post($"{w.Midterm}/errata", new
        {
            commitmentId = w.Commitment, indicator = "Specificity", value = "High", reason = "Checked again.",
        });

        (await nothingChanged.ShouldBeProblem(400, "erratum.changes_nothing")).GetProperty("errors").TryGetProperty("value", out _).ShouldBeTrue();
        (await app.EventCount()).ShouldBe(before);
        var view = await app.Anonymous().Get<JsonElement>(w.Midterm);
        var entry = view.GetProperty("commitments")[0];
        entry.GetProperty("potentialImpact").GetString().ShouldBe("moderate");
        entry.GetProperty("starred").GetBoolean().ShouldBeFalse();
        entry.GetProperty("bindingConstraint").GetString().ShouldBe("potImp");
        view.GetProperty("errata")[0].GetProperty("reason").GetString().ShouldBe("The scope covers one ministry only.");
    }

    [Fact]
    public async Task a_report_sent_to_a_comment_window_that_has_not_opened_is_not_published_and_nothing_is_written()
    {
        var w = await ArrangePlan("GI0041", "GI");
        await OpenWithPanel(w);
        var today = Tracker.Infrastructure.Days.Of(app.Services.GetRequiredService<TimeProvider>());
        await (await app.Admin().Post($"{w.Midterm}/public-comment", new { opens = today.AddDays(1), closes = today.AddDays(15) })).ShouldHaveStatus(200);
        var before = await app.EventCount();

        var refused = await app.Admin().Post($"{w.Midterm}/publication", new { });

        (await refused.ShouldBeProblem(409, "report.comments_not_open")).GetProperty("detail").GetString()!.ShouldContain($"opens on {today.AddDays(1):yyyy-MM-dd}");
        (await app.EventCount()).ShouldBe(before);
        (await app.Admin().Get<JsonElement>(w.Midterm)).GetProperty("status").GetString().ShouldBe("publicComment");
    }

    [Fact]
    public async Task reviewers_cannot_write_to_reports_they_are_not_assigned_to_nor_after_publication()
    {
        var w = await ArrangePlan("UA0001", "UA");
        await OpenWithPanel(w);
        var outsider = app.As(TrackerRole.Reviewer, userId: "not-on-this-panel");
        var second = app.As(TrackerRole.Reviewer, userId: "irm-second");

        await (await outsider.Post($"{w.Midterm}/assessments", new { commitmentId = w.Commitment, indicator = "Specificity", value = "Low" }))
            .ShouldBeProblem(403, "review.not_assigned");
        await (await second.Post($"{w.Midterm}/assessments", new { commitmentId = w.Commitment, indicator = "Specificity", value = "Low", isFinal = true }))
            .ShouldBeProblem(403, "review.not_lead");
        await (await w.Ministry.Post($"{w.Midterm}/assessments", new { commitmentId = w.Commitment, indicator = "Specificity", value = "High" }))
            .ShouldHaveStatus(403);
        await (await second.Post($"/api/milestones/{w.Milestones[0]}/progress", new { level = "Complete", narrative = "x", asOf = "2016-06-30" }))
            .ShouldHaveStatus(403);

        var today = Tracker.Infrastructure.Days.Of(app.Services.GetRequiredService<TimeProvider>());
        await (await app.Admin().Post($"{w.Midterm}/public-comment", new { opens = today, closes = today.AddDays(7) })).ShouldHaveStatus(200);
        await (await second.Post($"{w.Midterm}/assessments", new { commitmentId = w.Commitment, indicator = "Specificity", value = "Low" }))
            .ShouldBeProblem(409, "report.not_draft");
        await (await app.Admin().Post($"{w.Midterm}/publication", new { })).ShouldHaveStatus(200);
        await (await second.Post($"{w.Midterm}/assessments", new { commitmentId = w.Commitment, indicator = "Specificity", value = "Low" }))
            .ShouldBeProblem(409, "report.published");
        await (await app.Admin().Post($"{w.Midterm}/reviewers", new { reviewerId = "late", name = "Late reviewer" }))
            .ShouldBeProblem(409, "report.published");
        var history = await app.Anonymous().Get<JsonElement[]>($"/api/streams/{Guid.Empty}/history".Replace(Guid.Empty.ToString(), (await app.Anonymous().Get<JsonElement>(w.Midterm)).GetProperty("reportId").GetString()));
        history.Count(e => e.GetProperty("type").GetString()!.StartsWith("assessment_recorded", StringComparison.Ordinal)).ShouldBe(0); // every one was refused
    }

    [Fact]
    public async Task the_end_of_term_view_shows_completion_at_both_cutoffs_its_change_and_whether_it_opened_government()
    {
        var w = await ArrangePlan("NX0031", "NX");
        var admin = app.Admin();
        await OpenWithPanel(w);
        var lead = app.As(TrackerRole.Reviewer, userId: "irm-lead");
        foreach (var (indicator, value) in new[] { ("Specificity", "Medium"), ("Relevance", "CivicParticipation,TechnologyAndInnovation"), ("PotentialImpact", "Transformative"), ("Completion", "Limited") })
            await Assess(lead, w.Midterm, w.Commitment, indicator, value, isFinal: true);
        var today = Tracker.Infrastructure.Days.Of(app.Services.GetRequiredService<TimeProvider>());
        await (await admin.Post($"{w.Midterm}/public-comment", new { opens = today, closes = today.AddDays(7) })).ShouldHaveStatus(200);
        await (await admin.Post($"{w.Midterm}/publication", new { })).ShouldHaveStatus(200);

        var endOfTerm = $"/api/plans/{w.Plan}/reviews/end-of-term";
        await (await admin.Post(endOfTerm, new { })).ShouldHaveStatus(201);
        await (await admin.Post($"{endOfTerm}/reviewers", new { reviewerId = "irm-lead", name = "Lead researcher", isLead = true })).ShouldHaveStatus(200);
        foreach (var (indicator, value) in new[] { ("Completion", "Complete"), ("DidItOpenGovernment", "Major"), ("DiogCivicParticipation", "Major"), ("DiogAccessToInformation", "DidNotChange") })
            await Assess(lead, endOfTerm, w.Commitment, indicator, value, isFinal: true);

        var view = await lead.Get<JsonElement>(endOfTerm);

        view.GetProperty("cutoff").GetString().ShouldBe("2018-06-30");
        var entry = view.GetProperty("commitments")[0];
        entry.GetProperty("midtermCompletion").GetString().ShouldBe("limited");
        entry.GetProperty("completion").GetString().ShouldBe("complete");
        entry.GetProperty("changeInCompletion").GetString().ShouldBe("increase");
        entry.GetProperty("didItOpenGovernment").GetString().ShouldBe("major");
        entry.GetProperty("didItOpenGovernmentCivicParticipation").GetString().ShouldBe("major");
        entry.GetProperty("didItOpenGovernmentPublicAccountability").GetString().ShouldBe("notAssessed");
        entry.GetProperty("specificity").GetString().ShouldBe("medium"); // carried from the midterm design ratings
        entry.GetProperty("starred").GetBoolean().ShouldBeTrue();
        entry.GetProperty("bindingConstraint").GetString().ShouldBe("star");
        var midtermEntry = (await app.Anonymous().Get<JsonElement>(w.Midterm)).GetProperty("commitments")[0];
        midtermEntry.GetProperty("starred").GetBoolean().ShouldBeFalse();
        midtermEntry.GetProperty("bindingConstraint").GetString().ShouldBe("cmpl");
        await (await lead.Post($"{w.Midterm}/assessments", new { commitmentId = w.Commitment, indicator = "DidItOpenGovernment", value = "Major" }))
            .ShouldHaveStatus(409);
    }

    [Fact]
    public async Task a_reviewer_may_not_assess_a_commitment_led_by_their_own_institution()
    {
        var w = await ArrangePlan("PY0001", "PY");
        var admin = app.Admin();
        await (await admin.Post(w.Midterm, new { })).ShouldHaveStatus(201);
        var commitment = await app.Anonymous().Get<JsonElement>($"/api/commitments/{w.Commitment}");
        var leadInstitution = commitment.GetProperty("leadInstitution").GetProperty("id").GetGuid();
        await (await admin.Post($"{w.Midterm}/reviewers", new { reviewerId = "insider", name = "Insider", institutionId = leadInstitution })).ShouldHaveStatus(200);

        var response = await app.As(TrackerRole.Reviewer, userId: "insider").Post($"{w.Midterm}/assessments",
            new { commitmentId = w.Commitment, indicator = "Specificity", value = "High" });

        await response.ShouldBeProblem(403, "review.conflict_of_interest");
    }
}
