using Microsoft.Playwright;
using Tracker.BrowserTests.Infrastructure;
using Tracker.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>The development sign-in page, used as a person would: with the keyboard alone, and checked by axe.</summary>
[Collection(TrackerSiteCollection.Name)]
public class signing_in_and_out(TrackerSite site)
{
    [Fact]
    public async Task a_person_signs_in_and_out_with_the_keyboard_alone()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/sign-in");

        // Tab from the top of the page to the role field: every control is reachable and labelled.
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("document.activeElement.id") != "role"; i++) await page.Keyboard.PressAsync("Tab");
        // Arrow keys choose in a closed list; typing its first letters would depend on how fast the keys follow each other.
        for (var i = 0; i < 5 && await page.EvaluateAsync<string>("document.activeElement.value") != "reviewer"; i++) await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("irm-keyboard");
        await page.Keyboard.PressAsync("Enter");
        // Committed, not loaded: under load the load event of the page after the redirect was seen to come late or not at
        // all (the page was there); the locators below wait for what they read.
        await page.WaitForURLAsync("**/workbench", new() { WaitUntil = WaitUntilState.Commit });
        var who = await page.Locator(".account").InnerTextAsync();
        await page.Locator("form.sign-out button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });

        who.ShouldBe("Signed in as irm-keyboard (reviewer)");
        var again = await page.GotoAsync("/workbench");
        new Uri(again!.Url).AbsolutePath.ShouldBe("/sign-in");
        await site.DoneAsync(page);
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/workbench")]
    public async Task the_sign_in_pages_pass_axe(string path)
    {
        var page = await site.SignedInAsync(TrackerRole.Admin, null, "poc-axe", javaScript: true);
        if (path == "/sign-in") await page.GotoAsync(path);

        await page.ShouldHaveNoSeriousViolationsAsync();
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task a_refused_sign_in_says_why_beside_the_field_and_keeps_what_was_typed()
    {
        var page = await site.NewPageAsync(javaScript: true);
        await page.GotoAsync("/sign-in");
        await page.Locator("#role").SelectOptionAsync("ministry");
        await page.Locator("#userId").FillAsync("no-institution");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        (await page.Locator("#institution-error").InnerTextAsync()).ShouldContain("pick one");
        (await page.Locator("#userId").InputValueAsync()).ShouldBe("no-institution");
        (await page.Locator("#institution").GetAttributeAsync("aria-describedby"))!.ShouldContain("institution-error");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await site.DoneAsync(page);
    }
}
