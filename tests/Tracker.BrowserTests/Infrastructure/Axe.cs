using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Tracker.BrowserTests.Infrastructure;

/// <summary>A rule axe found broken on a page: its id, how serious, what it asks, and the first elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes)
{
    public override string ToString() => $"{Impact} {Id}: {Help} — {string.Join(" | ", Nodes)}";
}

/// <summary>
/// axe-core (the copy Deque.AxeCore bundles, every rule it runs by default) run inside the page under test. Deque's
/// <c>RunAxe</c> injects the 550 KB script twice a run and opens a second page to merge its results: 3–5 s a page on
/// these 2 cores, against 0.5–0.9 s here for the same rules (the script injected once a page, only violations returned).
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Every rule the page in its current state breaks.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> ViolationsAsync(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v =>
              ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html) }))
            """);
        return violations.EnumerateArray().Select(v => new AxeViolation(v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!, v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList())).ToList();
    }

    /// <summary>Fails naming the page and each serious or critical violation axe finds on it.</summary>
    public static async Task ShouldHaveNoSeriousViolationsAsync(this IPage page) =>
        (await page.ViolationsAsync()).Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v}").ShouldBeEmpty();
}
