using Microsoft.Playwright;
using Tracker.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Tracker.BrowserTests;

/// <summary>
/// Every kind of page, checked as GOV.UK checks its own: axe finds no serious or critical violation, the page and its
/// stylesheet weigh at most 100 KB over the wire, and at 320 px wide nothing scrolls sideways. Each leaves a screenshot when asked (TRACKER_SCREENSHOTS=1).
/// </summary>
[Collection(TrackerSiteCollection.Name)]
public class every_page_type(TrackerSite site, ITestOutputHelper output)
{
    private const int BudgetBytes = 100 * 1024;

    public static TheoryData<string> PageTypes() =>
        ["home", "plan dashboard", "commitment page", "midterm review", "end-of-term review", "action plan review", "results report",
            "search", "not found", "bad date"];

    private async Task<string> PathOf(string pageType) => pageType switch
    {
        "home" => "/",
        "plan dashboard" => $"/plans/{await site.UsNap5Async()}",
        "commitment page" => "/commitments/NL0025",
        "midterm review" => $"/plans/{await site.PlanIdAsync("NL", 1)}/reviews/midterm",
        "end-of-term review" => $"/plans/{await site.PlanIdAsync("NL", 1)}/reviews/end-of-term",
        // The OGP sample's current-method rows: Paraguay's 2022–2024 plan (a cluster), Ukraine's 2020–2022 plan.
        "action plan review" => $"/plans/{await site.PlanIdAsync("PY", 5)}/reviews/action-plan-review",
        "results report" => $"/plans/{await site.PlanIdAsync("UA", 5)}/reviews/results-report",
        "search" => "/search?q=open+data",
        "not found" => "/commitments/XX9999",
        "bad date" => "/?asOf=yesterday",
        _ => throw new ArgumentOutOfRangeException(nameof(pageType)),
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task passes_axe_weighs_at_most_100_kb_and_allows_no_script(string pageType)
    {
        // Chromium's cache off (as DevTools' "Disable cache" turns it off), so the stylesheet is fetched and weighed with the page.
        var page = await site.NewPageAsync(javaScript: true);
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Network.enable");
        await devTools.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        var requests = new List<IRequest>();
        var refused = new List<string>();
        void Finished(object? _, IRequest request) => requests.Add(request);
        void Logged(object? _, IConsoleMessage message) { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(message.Text); }
        page.RequestFinished += Finished;
        page.Console += Logged;

        var response = await page.GotoAsync(await PathOf(pageType), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await TrackerSite.ScreenshotAsync(page, pageType);
        var sizes = new List<(string Url, string Type, long Bytes)>();
        foreach (var request in requests.ToList())
            sizes.Add((request.Url, request.ResourceType, (await request.SizesAsync()).ResponseBodySize));
        var html = await response!.TextAsync();
        var violations = await page.ViolationsAsync();

        foreach (var (url, type, bytes) in sizes) output.WriteLine($"{pageType}: {type} {bytes} B over the wire ({url})");
        foreach (var violation in violations) output.WriteLine(violation.ToString());
        violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        (await response.HeaderValueAsync("content-encoding")).ShouldBeOneOf("br", "gzip");
        sizes.Select(s => s.Type).Distinct().Order().ShouldBe(new[] { "document", "stylesheet" });
        sizes.Sum(s => s.Bytes).ShouldBeLessThanOrEqualTo(BudgetBytes);
        (await response.HeaderValueAsync("content-security-policy")).ShouldNotBeNull().ShouldContain("script-src 'none'");
        html.ShouldNotContain("<script", Case.Insensitive);
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<[^>]+\sstyle=", System.Text.RegularExpressions.RegexOptions.IgnoreCase).ShouldBeFalse();
        refused.ShouldBeEmpty();
        page.RequestFinished -= Finished;
        page.Console -= Logged;
        await devTools.DetachAsync();
        await site.DoneAsync(page);
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task reads_at_320_px_wide_without_scrolling_sideways(string pageType)
    {
        var page = await site.OpenAsync(await PathOf(pageType), width: 320, javaScript: true);
        await TrackerSite.ScreenshotAsync(page, $"{pageType}-320px");

        var width = await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");

        width.ShouldBeLessThanOrEqualTo(320);
        await site.DoneAsync(page);
    }
}
