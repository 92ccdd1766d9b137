using System.Net.Http.Json;
using System.Text.Json;

namespace Tracker.BrowserTests.Infrastructure;

/// <summary>Looks up the demo set's ids through the public API, the way a link on the site would carry them.</summary>
public static class DemoPlans
{
    /// <summary>The id of <paramref name="member"/>'s plan number <paramref name="number"/>.</summary>
    public static async Task<Guid> PlanIdAsync(this TrackerSite site, string member, int number)
    {
        var plans = await site.Api().GetFromJsonAsync<JsonElement[]>($"/api/plans?member={member}");
        return plans!.Single(p => p.GetProperty("number").GetInt32() == number).GetProperty("id").GetGuid();
    }

    /// <summary>The US Fifth National Action Plan.</summary>
    public static Task<Guid> UsNap5Async(this TrackerSite site) => site.PlanIdAsync("US", 5);
}
