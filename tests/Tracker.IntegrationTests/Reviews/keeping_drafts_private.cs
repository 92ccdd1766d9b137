using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.Reviews;

namespace Tracker.IntegrationTests.Reviews;

/// <summary>
/// A draft report's values (assessments, rationales, reviewers) reach its reviewers and admins only: not through its
/// history, not through another report's view, not through the workbench.
/// </summary>
public class keeping_drafts_private(TrackerApp app) : IClassFixture<TrackerApp>
{
    private const string Rationale = "Milestones are activities with no measurable output.";

    private static int _plans; // static: xunit makes an instance per test, all on one database

    /// <summary>A plan of its own with one commitment, a lead and another ministry.</summary>
    private sealed record World(Guid PlanId, Guid CommitmentId, Guid OtherMinistryId);

    // A commitment with a draft midterm (specificity Low, completion Limited) and an end-of-term report out for public comment.
    private async Task<(World Nl, string Midterm, string EndOfTerm)> DraftMidtermBesideAPublicEndOfTerm(bool publishEndOfTerm)
    {
        var admin = app.Admin();
        var code = $"D{(char)('A' + Interlocked.Increment(ref _plans))}";
        var member = await Arrange.Member(admin, $"Draftland {code}", code);
        var lead = await Arrange.Institution(admin, member, "Ministry of Drafts");
        var other = await Arrange.Institution(admin, member, "Ministry of Reading");
        var plan = await Arrange.Plan(admin, member, "Draftland 2016-2018", "2016-01-01", "2018-06-30", 1);
        var commitment = await Arrange.Commitment(admin, plan, $"{code}0001", lead);
        var nl = new World(plan, commitment, other);
        var midterm = $"/api/plans/{nl.PlanId}/reviews/midterm";
        var endOfTerm = $"/api/plans/{nl.PlanId}/reviews/end-of-term";
        foreach (var report in new[] { midterm, endOfTerm })
        {
            await (await admin.Post(report, new { })).ShouldHaveStatus(201);
            await (await admin.Post($"{report}/reviewers", new { reviewerId = "irm-1", name = "IRM researcher", isLead = true })).ShouldHaveStatus(200);
        }
        var reviewer = app.As(TrackerRole.Reviewer, userId: "irm-1");
        await (await reviewer.Post($"{midterm}/assessments", new { commitmentId = nl.CommitmentId, indicator = "Specificity", value = "Low", rationale = Rationale })).ShouldHaveStatus(200);
        await (await reviewer.Post($"{midterm}/assessments", new { commitmentId = nl.CommitmentId, indicator = "Completion", value = "Limited" })).ShouldHaveStatus(200);
        await (await admin.Post($"{endOfTerm}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })).ShouldHaveStatus(200);
        if (publishEndOfTerm) await (await admin.PostAsync($"{endOfTerm}/publication", null)).ShouldHaveStatus(200);
        return (nl, midterm, endOfTerm);
    }

    [Fact]
    public async Task the_history_of_a_draft_report_is_for_its_reviewers_and_admins_only()
    {
        var (nl, _, _) = await DraftMidtermBesideAPublicEndOfTerm(publishEndOfTerm: false);
        var history = $"/api/streams/{ReviewReport.IdFor(nl.PlanId, ReportKind.Midterm)}/history";

        await (await app.Anonymous().GetAsync(history)).ShouldBeProblem(401, "report.draft");
        await (await app.Anonymous().GetAsync(history + "?asOf=2999-01-01")).ShouldBeProblem(401, "report.draft");
        await (await app.As(TrackerRole.Reviewer, userId: "irm-unassigned").GetAsync(history)).ShouldBeProblem(403, "report.draft");
        await (await app.As(TrackerRole.Ministry, nl.OtherMinistryId, userId: "irm-1").GetAsync(history)).ShouldBeProblem(403, "report.draft");
        (await app.As(TrackerRole.Reviewer, userId: "irm-1").Get<JsonElement>(history)).ToString().ShouldContain(Rationale);
        (await app.Admin().Get<JsonElement>(history)).ToString().ShouldContain(Rationale);
    }

    [Fact]
    public async Task the_history_of_a_published_report_shows_the_public_that_assessments_were_recorded_not_what_the_drafts_said()
    {
        var (nl, midterm, _) = await DraftMidtermBesideAPublicEndOfTerm(publishEndOfTerm: false);
        var admin = app.Admin();
        await (await admin.Post($"{midterm}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })).ShouldHaveStatus(200);
        await (await admin.PostAsync($"{midterm}/publication", null)).ShouldHaveStatus(200);
        var history = $"/api/streams/{ReviewReport.IdFor(nl.PlanId, ReportKind.Midterm)}/history";

        var anonymous = await app.Anonymous().Get<JsonElement[]>(history);

        var assessments = anonymous.Where(e => e.GetProperty("type").GetString()!.StartsWith("assessment_recorded", StringComparison.Ordinal)).ToList();
        assessments.Count.ShouldBe(2);
        assessments.Select(e => e.GetProperty("data").GetProperty("indicator").GetString()).ShouldBe(["specificity", "completion"], ignoreOrder: true);
        string.Join("", assessments.Select(e => e.ToString())).ShouldNotContain(Rationale);
        assessments.Count(e => e.GetProperty("data").TryGetProperty("score", out var score)).ShouldBe(0);
        (await app.As(TrackerRole.Reviewer, userId: "irm-1").Get<JsonElement>(history)).ToString().ShouldContain(Rationale);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task an_end_of_term_report_out_for_comment_or_published_carries_nothing_of_a_draft_midterm(bool published)
    {
        var (_, _, endOfTerm) = await DraftMidtermBesideAPublicEndOfTerm(publishEndOfTerm: published);

        var view = await app.Anonymous().Get<JsonElement>(endOfTerm);

        var entry = view.GetProperty("commitments")[0];
        entry.GetProperty("specificity").GetString().ShouldBe("notAssessed");
        entry.GetProperty("midtermCompletion").GetString().ShouldBe("notAssessed");
        entry.GetProperty("facts").GetProperty("midtermPanel").ValueKind.ShouldBe(JsonValueKind.Null);
        view.ToString().ShouldNotContain(Rationale);
    }

    [Fact]
    public async Task once_the_midterm_is_published_the_end_of_term_report_uses_its_values()
    {
        var (_, midterm, endOfTerm) = await DraftMidtermBesideAPublicEndOfTerm(publishEndOfTerm: false);
        var admin = app.Admin();
        await (await admin.Post($"{midterm}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })).ShouldHaveStatus(200);
        await (await admin.PostAsync($"{midterm}/publication", null)).ShouldHaveStatus(200);

        var entry = (await app.Anonymous().Get<JsonElement>(endOfTerm)).GetProperty("commitments")[0];

        entry.GetProperty("specificity").GetString().ShouldBe("low");
        entry.GetProperty("midtermCompletion").GetString().ShouldBe("limited");
    }

    [Fact]
    public async Task the_workbench_checks_the_callers_role_as_well_as_its_id()
    {
        var (nl, midterm, _) = await DraftMidtermBesideAPublicEndOfTerm(publishEndOfTerm: false);
        var workbench = $"{midterm}/workbench";

        await (await app.As(TrackerRole.Ministry, nl.OtherMinistryId, userId: "irm-1").GetAsync(workbench)).ShouldBeProblem(403, "review.not_assigned");
        await (await app.As(TrackerRole.Reviewer, userId: "irm-unassigned").GetAsync(workbench)).ShouldBeProblem(403, "review.not_assigned");
        (await app.As(TrackerRole.Reviewer, userId: "irm-1").Get<JsonElement>(workbench)).ToString().ShouldContain(Rationale);
        (await app.Admin().Get<JsonElement>(workbench)).ToString().ShouldContain(Rationale);
    }

    [Fact]
    public async Task the_review_read_as_of_an_earlier_instant_is_the_report_as_it_stood_then_and_a_draft_then_is_not_the_publics()
    {
        var (_, midterm, _) = await DraftMidtermBesideAPublicEndOfTerm(publishEndOfTerm: false);
        var admin = app.Admin();
        await (await admin.Post($"{midterm}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })).ShouldHaveStatus(200);
        await (await admin.PostAsync($"{midterm}/publication", null)).ShouldHaveStatus(200);
        var reportId = (await admin.Get<JsonElement>(midterm)).GetProperty("reportId").GetString();
        var history = await admin.Get<JsonElement[]>($"/api/streams/{reportId}/history");
        string Before(string type) => Uri.EscapeDataString(history.First(e => e.GetProperty("type").GetString() == type)
            .GetProperty("recordedAt").GetDateTimeOffset().AddTicks(-10).ToString("O"));
        var firstAssessment = Before("assessment_recorded_v2");
        var publication = Before("review_report_published");
        var opening = Before("review_report_opened");
        var comment = Before("review_report_sent_to_public_comment");

        var now = await app.Anonymous().Get<JsonElement>(midterm);
        var anonymousInDraft = await app.Anonymous().GetAsync($"{midterm}?asOf={comment}");
        var forComment = await app.Anonymous().Get<JsonElement>($"{midterm}?asOf={publication}");
        var draftThen = await admin.Get<JsonElement>($"{midterm}?asOf={comment}");
        var beforeAssessments = await admin.Get<JsonElement>($"{midterm}?asOf={firstAssessment}");
        var beforeTheReport = await admin.GetAsync($"{midterm}?asOf={opening}");

        now.GetProperty("status").GetString().ShouldBe("published");
        await anonymousInDraft.ShouldBeProblem(401, "report.draft");
        forComment.GetProperty("status").GetString().ShouldBe("publicComment");
        forComment.GetProperty("commitments")[0].GetProperty("specificity").GetString().ShouldBe("low");
        draftThen.GetProperty("status").GetString().ShouldBe("draft");
        draftThen.GetProperty("commitments")[0].GetProperty("specificity").GetString().ShouldBe("low");
        beforeAssessments.GetProperty("commitments")[0].GetProperty("specificity").GetString().ShouldBe("notAssessed");
        await beforeTheReport.ShouldBeProblem(404, "report.not_found");
    }
}
