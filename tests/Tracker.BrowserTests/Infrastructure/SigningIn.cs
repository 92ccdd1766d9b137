using Microsoft.Playwright;
using Tracker.Infrastructure;

namespace Tracker.BrowserTests.Infrastructure;

/// <summary>Signs a browser page in through the development sign-in page (<c>/sign-in</c>), as a developer would.</summary>
public static class SigningIn
{
    /// <summary>
    /// Signs <paramref name="page"/>'s context in as <paramref name="role"/> for <paramref name="institution"/> (its id or its
    /// exact name; null for none) under <paramref name="userId"/>, and waits for the page it lands on
    /// (<paramref name="returnUrl"/>, by default the workbench).
    /// </summary>
    public static async Task SignInAs(this IPage page, TrackerRole role, string? institution, string userId, string returnUrl = "/workbench")
    {
        await page.GotoAsync("/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.Locator("#role").SelectOptionAsync(role.ToString().ToLowerInvariant());
        if (institution is not null)
            await page.Locator("#institution").SelectOptionAsync(Guid.TryParse(institution, out _)
                ? new SelectOptionValue { Value = institution }
                : new SelectOptionValue { Label = institution });
        await page.Locator("#userId").FillAsync(userId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // Waited for as the document's own readyState, not Playwright's load event: on a page reused from an earlier test
        // that signed in to the same address, the event was sometimes never reported (2 whole runs in 7 timed out here after 120 s).
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("document.readyState === 'complete'");
    }

    /// <summary>A page (<see cref="TrackerSite.NewPageAsync"/>) signed in as <paramref name="role"/>; the page is on <paramref name="returnUrl"/>.</summary>
    public static async Task<IPage> SignedInAsync(this TrackerSite site, TrackerRole role, string? institution, string userId,
        string returnUrl = "/workbench", bool javaScript = false)
    {
        var page = await site.NewPageAsync(javaScript: javaScript);
        await page.SignInAs(role, institution, userId, returnUrl);
        return page;
    }
}
