using System.Net;
using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Milestones;

/// <summary>
/// Maker–checker on plans that ask for it: the lead institution's report is submitted, and only the point of contact's
/// approval makes it public (every public read: the milestone, the commitment page, the export, the feed, the history);
/// a report sent back, with its reason, never is.
/// </summary>
public class approving_progress_reports(WriteWorld world) : IClassFixture<WriteWorld>
{
    private async Task<HttpClient> Lead() => world.As(TrackerRole.Ministry, await world.LeadId(), "lead-staff");

    private async Task<(Guid Milestone, string Code)> Submitted()
    {
        var milestone = await world.NewSubmission();
        var view = await world.Admin().Get<JsonElement>($"/api/milestones/{milestone}");
        var commitment = await world.Admin().Get<JsonElement>($"/api/commitments/{view.GetProperty("commitmentId").GetGuid()}");
        return (milestone, commitment.GetProperty("code").GetString()!);
    }

    private async Task<string> EverythingPublicAbout(Guid milestone, string code)
    {
        var anonymous = world.Anonymous();
        var view = await anonymous.GetStringAsync($"/api/milestones/{milestone}");
        var page = await anonymous.GetStringAsync($"/api/commitments/{code}");
        var html = await anonymous.GetStringAsync($"/commitments/{code}");
        var history = await anonymous.GetStringAsync($"/api/streams/{milestone}/history");
        var export = await anonymous.GetStringAsync($"/api/export/commitments.csv?plan={(await anonymous.Get<JsonElement>($"/api/commitments/{code}")).GetProperty("planId").GetGuid()}");
        return string.Join("\n", view, page, html, history, export);
    }

    [Fact]
    public async Task a_submitted_report_stays_off_every_public_read_until_the_point_of_contact_approves_it()
    {
        var (milestone, code) = await Submitted();

        var before = await EverythingPublicAbout(milestone, code);
        var approved = await world.Admin().PostAsync($"/api/milestones/{milestone}/submissions/1/approval", null);
        var after = await EverythingPublicAbout(milestone, code);

        before.ShouldNotContain("Waiting for approval.");
        (await world.Anonymous().Get<JsonElement>($"/api/milestones/{milestone}")).GetProperty("progressHistory").GetArrayLength().ShouldBe(1);
        await approved.ShouldHaveStatus(200);
        after.ShouldContain("Waiting for approval.");
        var latest = (await world.Anonymous().Get<JsonElement>($"/api/milestones/{milestone}")).GetProperty("latestProgress");
        latest.GetProperty("reportedBy").GetString().ShouldBe("lead-staff");
        latest.GetProperty("level").GetString().ShouldBe("limited");
    }

    [Fact]
    public async Task the_lead_ministry_sees_its_report_waiting_and_a_report_sent_back_with_its_reason_never_becomes_public()
    {
        var (milestone, code) = await Submitted();
        var workbench = await (await (await Lead()).GetAsync("/workbench/commitments")).Content.ReadAsStringAsync();

        var sentBack = await world.Admin().Post($"/api/milestones/{milestone}/submissions/1/sent-back", new { reason = "Attach the published report." });
        var afterwards = await (await (await Lead()).GetAsync("/workbench/commitments")).Content.ReadAsStringAsync();
        var form = System.Net.WebUtility.HtmlDecode(await (await (await Lead()).GetAsync($"/workbench/milestones/{milestone}/progress")).Content.ReadAsStringAsync());
        var again = await world.Admin().PostAsync($"/api/milestones/{milestone}/submissions/1/approval", null);

        workbench.ShouldContain("waiting for the point of contact’s approval");
        await sentBack.ShouldHaveStatus(200);
        afterwards.ShouldContain("Attach the published report.");
        form.ShouldContain("was sent back by the point of contact");
        form.ShouldContain("“Attach the published report.” Nothing of it is public. Correct it below and send it again.");
        await again.ShouldBeProblem(409, "submission.decided");
        (await EverythingPublicAbout(milestone, code)).ShouldNotContain("Waiting for approval.");
        (await EverythingPublicAbout(milestone, code)).ShouldNotContain("Attach the published report.");
        (await ReviewerOfThePlan(milestone)).ShouldNotContain("Attach the published report."); // the plan's reviewers read it before
        (await world.Admin().GetStringAsync($"/api/streams/{milestone}/history")).ShouldContain("Attach the published report.");
    }

    // The history of the milestone as read by a reviewer assigned to an end-of-term report of its plan.
    private async Task<string> ReviewerOfThePlan(Guid milestone)
    {
        var commitment = (await world.Admin().Get<JsonElement>($"/api/milestones/{milestone}")).GetProperty("commitmentId").GetGuid();
        var plan = (await world.Admin().Get<JsonElement>($"/api/commitments/{commitment}")).GetProperty("planId").GetGuid();
        var opened = await world.Admin().Post($"/api/plans/{plan}/reviews/end-of-term", new { cutoff = "2018-06-30" });
        ((int)opened.StatusCode).ShouldBeOneOf(201, 409);
        await (await world.Admin().Post($"/api/plans/{plan}/reviews/end-of-term/reviewers", new { reviewerId = "irm-history", name = "History reader", isLead = false }))
            .ShouldHaveStatus(200);
        return await world.As(TrackerRole.Reviewer, userId: "irm-history").GetStringAsync($"/api/streams/{milestone}/history");
    }

    [Fact]
    public async Task only_the_point_of_contact_decides_and_a_refused_decision_writes_nothing()
    {
        var (milestone, _) = await Submitted();
        var before = await world.EventCount();

        var byLead = await (await Lead()).PostAsync($"/api/milestones/{milestone}/submissions/1/approval", null);
        var byReviewer = await world.As(TrackerRole.Reviewer, userId: "irm-1").PostAsync($"/api/milestones/{milestone}/submissions/1/approval", null);
        var ownReport = await world.As(TrackerRole.Admin, userId: "lead-staff").PostAsync($"/api/milestones/{milestone}/submissions/1/approval", null);
        var noSuch = await world.Admin().PostAsync($"/api/milestones/{milestone}/submissions/7/approval", null);
        var stale = await StaleApproval(milestone);

        await byLead.ShouldBeProblem(403);
        await byReviewer.ShouldBeProblem(403);
        await ownReport.ShouldBeProblem(403, "submission.own_report");
        await noSuch.ShouldBeProblem(404, "submission.not_found");
        await stale.ShouldBeProblem(409, "version.stale");
        (await world.EventCount()).ShouldBe(before);
    }

    private async Task<HttpResponseMessage> StaleApproval(Guid milestone)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/milestones/{milestone}/submissions/1/approval");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return await world.Admin().SendAsync(request);
    }

    [Fact]
    public async Task the_point_of_contact_approves_on_the_approvals_page_and_a_send_back_without_a_reason_is_refused_beside_the_field()
    {
        var (milestone, code) = await Submitted();
        var admin = world.Admin();
        var page = await (await admin.GetAsync("/workbench/approvals")).Content.ReadAsStringAsync();
        var before = await world.EventCount();

        var altered = await admin.SubmitForm($"/workbench/milestones/{milestone}/submissions/1", [new("decision", "bogus"), new("reason", "x"), new("version", "2")]);
        var missing = await admin.SubmitForm($"/workbench/milestones/{milestone}/submissions/1", [new("reason", "x"), new("version", "2")]);
        var noReason = await admin.SubmitForm($"/workbench/milestones/{milestone}/submissions/1", [new("decision", "send-back"), new("reason", ""), new("version", "2")]);
        var afterRefusal = await world.EventCount();
        var approved = await admin.SubmitForm($"/workbench/milestones/{milestone}/submissions/1", [new("decision", "approve"), new("reason", ""), new("version", "2")]);

        page.ShouldContain($"/workbench/milestones/{milestone}/submissions/1");
        page.ShouldContain("Waiting for approval.");
        altered.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // it used to approve: anything but "send-back" did
        (await altered.Content.ReadAsStringAsync()).ShouldContain("Choose Approve or Send back.");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("id=\"reason-error\"");
        afterRefusal.ShouldBe(before);
        approved.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await EverythingPublicAbout(milestone, code)).ShouldContain("Waiting for approval.");
    }

    [Fact]
    public async Task a_plan_that_does_not_ask_for_approval_publishes_a_report_at_once()
    {
        var milestone = await world.NewMilestone();

        await (await (await Lead()).Post($"/api/milestones/{milestone}/progress", new { level = "Limited", narrative = "Public at once.", asOf = "2016-06-30" }))
            .ShouldHaveStatus(200);

        (await world.Anonymous().GetStringAsync($"/api/milestones/{milestone}")).ShouldContain("Public at once.");
    }
}
