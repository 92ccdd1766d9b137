using Microsoft.Playwright;
using Tracker.BrowserTests.Infrastructure;
using Tracker.Infrastructure;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tracker.BrowserTests;

/// <summary>
/// The review workbenches as their users meet them: reviewers sign in and assess, their disagreement shows as the
/// panel's consensus; the point of contact opens, assigns, sends to comment and publishes, and the public page appears.
/// Each test arranges its own member and plan, so the demo set other tests read stays as it is.
/// </summary>
[Collection(TrackerSiteCollection.Name)]
public class reviewing_on_the_workbench(TrackerSite site)
{
    private sealed record Plan(Guid PlanId, Guid CommitmentId);

    // Arranged through the API, as the point of contact's tools would.
    private static async Task<JsonElement> Send(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        response.IsSuccessStatusCode.ShouldBeTrue($"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Plan> NewPlan(string member, string code, string commitmentTitle)
    {
        var admin = site.Api(TrackerRole.Admin);
        var memberId = (await Send(admin, "/api/members", new { name = member, code, kind = "National", region = "Europe" })).GetProperty("id").GetGuid();
        var lead = (await Send(admin, "/api/institutions", new { name = $"Ministry of {member}", kind = "Government", memberId })).GetProperty("id").GetGuid();
        var plan = (await Send(admin, "/api/plans", new { memberId, number = 1, title = $"{member} 2016-2018 National Action Plan",
            periodStart = "2016-07-01", periodEnd = "2018-06-30" })).GetProperty("id").GetGuid();
        var commitment = (await Send(admin, $"/api/plans/{plan}/commitments", new { code = $"{code}0001", number = "01", title = commitmentTitle,
            leadInstitutionId = lead })).GetProperty("id").GetGuid();
        var milestone = (await Send(admin, $"/api/commitments/{commitment}/milestones", new { text = "Publish the register of beneficial owners",
            plannedStart = "2016-09-01", plannedEnd = "2017-03-31" })).GetProperty("id").GetGuid();
        await Send(site.Api(TrackerRole.Ministry, lead, "ministry-1"), $"/api/milestones/{milestone}/progress",
            new { level = "limited", narrative = "A first draft is out for comment.", asOf = "2017-02-28" });
        return new Plan(plan, commitment);
    }

    private static Task NoSeriousViolations(IPage page) => page.ShouldHaveNoSeriousViolationsAsync();

    [Fact]
    public async Task a_reviewer_signs_in_and_assesses_and_a_second_reviewers_disagreement_shows_the_consensus()
    {
        var plan = await NewPlan("Reviewland", "RV", "Register beneficial owners");
        var admin = site.Api(TrackerRole.Admin);
        var api = $"/api/plans/{plan.PlanId}/reviews/midterm";
        await Send(admin, api, new { });
        await Send(admin, $"{api}/reviewers", new { reviewerId = "irm-lead", name = "Lead researcher", isLead = true });
        await Send(admin, $"{api}/reviewers", new { reviewerId = "irm-second", name = "Second researcher", isLead = false });

        // The lead reviewer: from the list of reports to the commitment, then one indicator's form.
        var lead = await site.SignedInAsync(TrackerRole.Reviewer, null, "irm-lead", "/workbench/reviews", javaScript: true);
        await NoSeriousViolations(lead);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Midterm review: Reviewland 2016-2018 National Action Plan" }).ClickAsync();
        await NoSeriousViolations(lead);
        await lead.GetByRole(AriaRole.Link, new() { Name = "RV0001 Register beneficial owners" }).ClickAsync();
        (await lead.Locator("#milestones + ol").InnerTextAsync()).ShouldContain("A first draft is out for comment.");
        var specificity = lead.Locator("#indicator-specificity");
        (await specificity.InnerTextAsync()).ShouldContain("High: Clear, measurable, verifiable milestones.");
        await specificity.GetByLabel("High", new() { Exact = false }).First.CheckAsync();
        await specificity.GetByLabel("Rationale").FillAsync("Each milestone has a date and a deliverable.");
        await specificity.GetByRole(AriaRole.Button, new() { Name = "Record specificity" }).ClickAsync();
        (await lead.Locator("p.notice").InnerTextAsync()).ShouldBe("Your rating of specificity was recorded.");
        (await lead.Locator("#indicator-specificity").InnerTextAsync()).ShouldContain("Panel: High (one reviewer)");
        await NoSeriousViolations(lead);

        // The second reviewer disagrees, with the keyboard alone: focus the level, Space to pick it, Enter to send.
        var second = await site.SignedInAsync(TrackerRole.Reviewer, null, "irm-second",
            $"/workbench/reviews/{plan.PlanId}/midterm/commitments/{plan.CommitmentId}", javaScript: true);
        await second.Locator("#indicator-specificity-value-Low").FocusAsync();
        await second.Keyboard.PressAsync("Space");
        await second.Locator("#indicator-specificity button[type=submit]").FocusAsync();
        await second.Keyboard.PressAsync("Enter");
        await second.Locator("p.notice").WaitForAsync();

        var panel = await second.Locator("#indicator-specificity").InnerTextAsync();
        panel.ShouldContain("consensus of 2 reviewers, who disagree");
        panel.ShouldContain("Lead researcher");
        panel.ShouldContain("Second researcher (you)");
        await second.GotoAsync($"/workbench/reviews/{plan.PlanId}/midterm");
        (await second.Locator("td[data-label='Reviewers disagree on']").InnerTextAsync()).ShouldBe("Specificity");
        await site.DoneAsync(lead);
        await site.DoneAsync(second);
    }

    [Fact]
    public async Task a_reviewer_not_assigned_to_a_report_cannot_open_it()
    {
        var plan = await NewPlan("Closedland", "CV", "Open the budget");
        var admin = site.Api(TrackerRole.Admin);
        await Send(admin, $"/api/plans/{plan.PlanId}/reviews/midterm", new { });
        await Send(admin, $"/api/plans/{plan.PlanId}/reviews/midterm/reviewers", new { reviewerId = "irm-insider", name = "Insider", isLead = true });

        var outsider = await site.SignedInAsync(TrackerRole.Reviewer, null, "irm-outsider", javaScript: true);
        var list = await outsider.GotoAsync("/workbench/reviews");
        var listed = await outsider.Locator("main").InnerTextAsync();
        var page = await outsider.GotoAsync($"/workbench/reviews/{plan.PlanId}/midterm/commitments/{plan.CommitmentId}");

        list!.Status.ShouldBe(200);
        listed.ShouldContain("You are not assigned to any report yet.");
        page!.Status.ShouldBe(403);
        (await outsider.Locator("h1").InnerTextAsync()).ShouldBe("You may not open this");
        await site.DoneAsync(outsider);
    }

    [Fact]
    public async Task an_admin_opens_assigns_sends_to_comment_and_publishes_and_the_public_review_page_appears()
    {
        var plan = await NewPlan("Publishland", "PV", "Publish spending data");
        var admin = await site.SignedInAsync(TrackerRole.Admin, null, "poc-publish", "/workbench/admin", javaScript: true);
        await NoSeriousViolations(admin);
        var before = await admin.Context.APIRequest.GetAsync($"/plans/{plan.PlanId}/reviews/midterm");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Publishland 2016-2018 National Action Plan" }).ClickAsync();
        await NoSeriousViolations(admin);
        await admin.GetByLabel("Kind of report").SelectOptionAsync("midterm");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Open the report" }).ClickAsync();
        (await admin.Locator("p.notice").InnerTextAsync()).ShouldStartWith("The report is open.");
        await NoSeriousViolations(admin);

        // A refused form keeps what was typed and says why beside the field.
        await admin.GetByLabel("Name").FillAsync("IRM researcher");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Assign the reviewer" }).ClickAsync();
        (await admin.Locator("#reviewerId-error").InnerTextAsync()).ShouldContain("This field is required.");
        (await admin.GetByLabel("Name").InputValueAsync()).ShouldBe("IRM researcher");
        await NoSeriousViolations(admin);
        await admin.GetByLabel("User id").FillAsync("irm-publish");
        await admin.GetByLabel("Lead reviewer", new() { Exact = false }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Assign the reviewer" }).ClickAsync();
        (await admin.Locator("p.notice").InnerTextAsync()).ShouldBe("The reviewer is assigned.");

        await admin.GetByLabel("Comments open on").FillAsync("2000-01-01");
        await admin.GetByLabel("Comments close on").FillAsync("2999-12-31");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send to public comment" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish the report" }).ClickAsync();
        (await admin.Locator("p.notice").InnerTextAsync()).ShouldStartWith("The report is published");
        await NoSeriousViolations(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "See the public review page" }).ClickAsync();

        before.Status.ShouldBe(404);
        (await admin.Locator("h1").InnerTextAsync()).ShouldBe("Midterm review: Publishland 2016-2018 National Action Plan");
        (await admin.Locator("dl.facts").InnerTextAsync()).ShouldContain("Published");
        (await admin.Locator("dl.facts").InnerTextAsync()).ShouldContain("IRM researcher (lead)");
        await site.DoneAsync(admin);
    }

    [Fact]
    public async Task a_member_of_the_public_comments_on_a_review_open_for_comment_and_the_form_passes_axe()
    {
        var plan = await NewPlan("Commentland", "KV", "Open the procurement register");
        var admin = site.Api(TrackerRole.Admin);
        await Send(admin, $"/api/plans/{plan.PlanId}/reviews/midterm", new { });
        await Send(admin, $"/api/plans/{plan.PlanId}/reviews/midterm/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" });
        var page = await site.NewPageAsync(javaScript: true);
        await page.GotoAsync($"/plans/{plan.PlanId}/reviews/midterm");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByLabel("Your name or organisation").FillAsync("Open State Foundation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the comment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#text-error")).ToBeVisibleAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByLabel("Your comment").FillAsync("The register is published, but without contract values.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the comment" }).ClickAsync();

        await Assertions.Expect(page.GetByText("The register is published, but without contract values.")).ToBeVisibleAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Open State Foundation", Exact = false }).CountAsync()).ShouldBe(1);
        await site.DoneAsync(page);
    }
}
