using System.Net.Http.Json;
using System.Text.Json;
using Tracker.BrowserTests.Infrastructure;
using Tracker.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>The public site shows what the public may read, whoever asks: never private evidence, never a draft review.</summary>
[Collection(TrackerSiteCollection.Name)]
public class keeping_drafts_and_private_evidence_off_the_site(TrackerSite site)
{
    [Fact]
    public async Task private_evidence_stays_off_the_commitment_page_while_its_public_evidence_shows()
    {
        var commitment = await site.Api().GetFromJsonAsync<JsonElement>("/api/commitments/US0113");
        var lead = commitment.GetProperty("leadInstitution").GetProperty("id").GetGuid();
        var milestone = commitment.GetProperty("milestones")[0].GetProperty("id").GetGuid();
        // The level it already had, so the demo's counts that other tests read stay as they are.
        var report = await site.Api(TrackerRole.Ministry, lead).PostAsJsonAsync($"/api/milestones/{milestone}/progress", new
        {
            level = "complete", narrative = "Recharter confirmed.", asOf = "2024-06-28",
            evidence = new object[]
            {
                new { title = "Published charter", url = "https://example.org/public-charter", visibility = "public" },
                new { title = "Internal memo", url = "https://example.org/internal-memo", visibility = "private" },
            },
        });
        report.EnsureSuccessStatusCode();

        var page = await site.OpenAsync("/commitments/US0113");
        var html = await page.ContentAsync();

        html.ShouldContain("https://example.org/public-charter");
        html.ShouldNotContain("https://example.org/internal-memo");
        html.ShouldNotContain("Internal memo");
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task a_draft_review_is_no_review_for_the_public()
    {
        var plan = await site.UsNap5Async();
        var opened = await site.Api(TrackerRole.Admin).PostAsJsonAsync($"/api/plans/{plan}/reviews/midterm", new { cutoff = "2023-12-31" });
        opened.EnsureSuccessStatusCode();

        var page = await site.NewPageAsync();
        var review = await page.GotoAsync($"/plans/{plan}/reviews/midterm");
        var heading = await page.Locator("h1").InnerTextAsync();
        await page.GotoAsync("/commitments/US0113");

        review!.Status.ShouldBe(404);
        heading.ShouldBe("Not found");
        (await page.Locator("#ratings + p").InnerTextAsync()).ShouldStartWith("Not assessed: no review of this plan is published");
        await site.DoneAsync(page);
    }
}
