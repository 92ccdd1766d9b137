using System.Net;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>Browsers signed in through the development sign-in page: a cookie session, as a person has.</summary>
public static class Sessions
{
    /// <summary>A client signed in as <paramref name="role"/> (for <paramref name="institution"/>, if any) under <paramref name="userId"/>.</summary>
    public static async Task<HttpClient> SignedIn(this TrackerApp app, string role, string userId, Guid? institution = null)
    {
        var browser = app.Browser();
        var response = await browser.PostForm("/sign-in",
            [new("role", role), new("institution", institution?.ToString() ?? ""), new("userId", userId), new("returnUrl", "/workbench")],
            await browser.TokenFrom("/sign-in"));
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        return browser;
    }
}
