using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tracker.BrowserTests.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>The search box and its filters, PostgreSQL full-text search behind them; similar commitments across members.</summary>
[Collection(TrackerSiteCollection.Name)]
public class searching_commitments(TrackerSite site)
{
    [Fact]
    public async Task words_typed_in_the_home_page_search_box_find_the_commitments_that_speak_of_them()
    {
        var page = await site.OpenAsync("/");

        await page.GetByLabel("Search commitments").FillAsync("civil servants participation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q=civil"));
        var found = page.GetByRole(AriaRole.Table, new() { Name = "Commitments found" });
        (await found.GetByRole(AriaRole.Link, new() { Name = "NL0025", Exact = true }).CountAsync()).ShouldBe(1);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task filters_narrow_the_commitments_to_a_member_and_a_completion_level()
    {
        var page = await site.OpenAsync("/search?q=");

        await page.GetByLabel("Member").SelectOptionAsync(new SelectOptionValue { Label = "United States" });
        await page.GetByLabel("Completion (from milestones)").SelectOptionAsync("complete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("14 commitments found");
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Commitments found" }).Locator("tbody tr");
        (await rows.Locator("td[data-label='Completion']").AllInnerTextsAsync()).ShouldAllBe(c => c == "Complete");
        (await rows.Locator("th a").AllInnerTextsAsync()).ShouldAllBe(code => code.StartsWith("US"));
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task words_that_no_commitment_holds_say_so_and_show_no_empty_table()
    {
        var page = await site.OpenAsync("/search?q=zyxwvutsrq");

        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("No commitment found");
        await Assertions.Expect(page.GetByText("Nothing matches every filter you chose.")).ToBeVisibleAsync();
        (await page.GetByRole(AriaRole.Table, new() { Name = "Commitments found" }).CountAsync()).ShouldBe(0);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task a_policy_area_and_a_lead_institution_find_the_commitments_that_institution_leads_in_that_area()
    {
        var nl0025 = await site.Api().GetFromJsonAsync<JsonElement>("/api/commitments/NL0025");
        var lead = nl0025.GetProperty("leadInstitution").GetProperty("id").GetGuid();
        var page = await site.OpenAsync("/search");

        await page.GetByLabel("Policy area").SelectOptionAsync("Capacity Building");
        await page.GetByLabel("Lead institution").SelectOptionAsync(lead.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("1 commitment found");
        (await page.GetByRole(AriaRole.Table, new() { Name = "Commitments found" }).Locator("tbody th a").AllInnerTextsAsync()).ShouldBe(["NL0025"]);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task starred_only_lists_the_commitments_a_published_review_starred()
    {
        var page = await site.OpenAsync("/search?starred=true");

        var starred = await page.GetByRole(AriaRole.Table, new() { Name = "Commitments found" }).Locator("td[data-label='Starred']").AllInnerTextsAsync();

        starred.Count.ShouldBeGreaterThan(0);
        starred.ShouldAllBe(s => s == "Starred");
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task a_commitment_page_lists_similar_commitments_of_other_members_sharing_its_policy_areas_first()
    {
        var page = await site.OpenAsync("/commitments/NL0025");

        var similar = await page.Locator("#similar + ul li").AllInnerTextsAsync();

        similar.Count.ShouldBeGreaterThan(0);
        similar.ShouldAllBe(s => !s.StartsWith("NL"));
        similar[0].ShouldContain("shares Capacity Building, Public Participation");
        await site.DoneAsync(page);
    }
}
