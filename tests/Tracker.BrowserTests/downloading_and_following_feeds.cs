using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using Tracker.BrowserTests.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>The downloads and feeds a page links to: the page's own data, filtered to it.</summary>
[Collection(TrackerSiteCollection.Name)]
public class downloading_and_following_feeds(TrackerSite site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task the_plan_dashboards_download_links_give_that_plans_commitments_only()
    {
        var page = await site.OpenAsync($"/plans/{await site.UsNap5Async()}");
        var csv = await page.GetByRole(AriaRole.Link, new() { Name = "This plan’s commitments as CSV" }).GetAttributeAsync("href");
        var json = await page.GetByRole(AriaRole.Link, new() { Name = "The same as JSON" }).GetAttributeAsync("href");

        var csvResponse = await site.Api().GetAsync(csv);
        var rows = JsonSerializer.Deserialize<Dictionary<string, string>[]>(await site.Api().GetStringAsync(json))!;

        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var codes = rows.Select(r => r["Commitment Unique Identifier"]).ToList();
        codes.Count.ShouldBe(36);
        codes.ShouldAllBe(code => code.StartsWith("US"));
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task the_plan_feed_carries_the_latest_progress_reports_each_linking_to_its_milestone()
    {
        var page = await site.OpenAsync($"/plans/{await site.UsNap5Async()}");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Atom feed of this plan’s progress updates" }).GetAttributeAsync("href");

        var response = await site.Api().GetAsync(href);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        feed.Root!.Name.ShouldBe(Atom + "feed");
        var entries = feed.Root.Elements(Atom + "entry").ToList();
        entries.Count.ShouldBe(50);
        entries.ShouldAllBe(e => Regex.IsMatch((string)e.Element(Atom + "title")!, @"^US\d{4} milestone \d+: .+ as of \d{1,2} \w+ \d{4}$"));
        entries.ShouldAllBe(e => Regex.IsMatch((string)e.Element(Atom + "link")!.Attribute("href")!, @"/commitments/US\d{4}#milestone-\d+$"));
        entries.Select(e => (string)e.Element(Atom + "id")!).Distinct().Count().ShouldBe(50);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task each_lead_institution_has_a_feed_of_the_commitments_it_leads()
    {
        var page = await site.OpenAsync("/commitments/US0113");
        var lead = await page.Locator("#overview + dl dt:text-is('Lead institution') + dd").InnerTextAsync();
        var href = await page.GetByRole(AriaRole.Link, new() { Name = $"Atom feed of progress updates on commitments led by {lead}" }).GetAttributeAsync("href");

        var feed = XDocument.Parse(await site.Api().GetStringAsync(href));

        ((string)feed.Root!.Element(Atom + "title")!).ShouldBe($"Progress updates: commitments led by {lead}");
        var titles = feed.Root.Elements(Atom + "entry").Select(e => (string)e.Element(Atom + "title")!).ToList();
        titles.ShouldContain(t => t.StartsWith("US0113 milestone 1: "));
        await site.DoneAsync(page);
    }
}
