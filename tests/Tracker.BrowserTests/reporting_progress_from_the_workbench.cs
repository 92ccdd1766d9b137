using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Tracker.BrowserTests.Infrastructure;
using Tracker.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>
/// A ministry at its workbench: signs in, reports progress with a public and a private link, and the public commitment
/// page shows only the public one; another institution's forms stay shut; every workbench page passes axe; the form
/// works with the keyboard alone.
/// </summary>
[Collection(TrackerSiteCollection.Name)]
public class reporting_progress_from_the_workbench(TrackerSite site)
{
    // A US NAP5 commitment, its lead institution and its first milestone with the report it already has, so a report
    // sent here repeats the level and day the demo set already holds and other tests' counts stay as they are.
    private async Task<(Guid Lead, Guid Milestone, string Level, string AsOf)> DemoMilestone(string code)
    {
        var commitment = await site.Api().GetFromJsonAsync<JsonElement>($"/api/commitments/{code}");
        var milestone = commitment.GetProperty("milestones").EnumerateArray()
            .First(m => m.GetProperty("latestProgress").ValueKind == JsonValueKind.Object && !m.GetProperty("withdrawn").GetBoolean());
        var latest = milestone.GetProperty("latestProgress");
        return (commitment.GetProperty("leadInstitution").GetProperty("id").GetGuid(), milestone.GetProperty("id").GetGuid(),
            latest.GetProperty("level").GetString()!, latest.GetProperty("asOf").GetString()!);
    }

    private static string Level(string camel) => char.ToUpperInvariant(camel[0]) + camel[1..];

    [Fact]
    public async Task a_ministry_reports_progress_with_a_public_and_a_private_link_and_the_public_sees_only_the_public_one()
    {
        var (lead, milestone, level, asOf) = await DemoMilestone("US0115");
        var page = await site.SignedInAsync(TrackerRole.Ministry, lead.ToString(), "civil-servant-1", "/workbench/commitments");
        await page.Locator($"a[href='/workbench/milestones/{milestone}/progress']").First.ClickAsync();

        await page.Locator($"#level-{Level(level)}").CheckAsync();
        await page.Locator("#asOf").FillAsync(asOf);
        await page.Locator("#narrative").FillAsync("Reported from the workbench.");
        await page.Locator("#evidence-0--title").FillAsync("Published summary");
        await page.Locator("#evidence-0--url").FillAsync("https://example.org/workbench-public-summary");
        await page.Locator("#evidence-1--title").FillAsync("Draft budget");
        await page.Locator("#evidence-1--url").FillAsync("https://example.org/workbench-private-budget");
        await page.Locator("#evidence-1--visibility").SelectOptionAsync("Private");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview what the public will see" }).ClickAsync();
        var preview = await page.Locator(".preview").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await page.WaitForURLAsync("**/workbench/commitments?reported=*");
        var notice = await page.Locator(".notice").InnerTextAsync();
        var reader = await site.OpenAsync("/commitments/US0115");
        var html = await reader.ContentAsync();

        preview.ShouldContain("https://example.org/workbench-public-summary");
        preview.ShouldNotContain("https://example.org/workbench-private-budget");
        notice.ShouldBe("Your progress report was saved.");
        html.ShouldContain("https://example.org/workbench-public-summary");
        html.ShouldNotContain("https://example.org/workbench-private-budget");
        html.ShouldNotContain("Draft budget");
        await site.DoneAsync(page);
        await site.DoneAsync(reader);
    }

    [Fact]
    public async Task a_ministry_cannot_open_the_forms_of_a_commitment_another_institution_leads()
    {
        var (lead, milestone, _, _) = await DemoMilestone("US0116");
        var institutions = await site.Api().GetFromJsonAsync<JsonElement[]>("/api/institutions");
        var other = institutions!.First(i => i.GetProperty("id").GetGuid() != lead).GetProperty("id").GetGuid();
        var page = await site.SignedInAsync(TrackerRole.Ministry, other.ToString(), "elsewhere-1");

        var progress = await page.GotoAsync($"/workbench/milestones/{milestone}/progress");
        var heading = await page.Locator("h1").InnerTextAsync();
        var forms = await page.Locator("form:not(.sign-out)").CountAsync();
        var rebaseline = await page.GotoAsync($"/workbench/milestones/{milestone}/rebaseline");

        progress!.Status.ShouldBe(403);
        heading.ShouldBe("You may not change this milestone");
        forms.ShouldBe(0);
        rebaseline!.Status.ShouldBe(403);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task the_progress_form_works_with_the_keyboard_alone()
    {
        var (lead, milestone, level, asOf) = await DemoMilestone("US0117");
        var page = await site.SignedInAsync(TrackerRole.Ministry, lead.ToString(), "keyboard-1", $"/workbench/milestones/{milestone}/progress");

        async Task TabTo(string id)
        {
            for (var i = 0; i < 60 && await page.EvaluateAsync<string>("document.activeElement.id") != id; i++) await page.Keyboard.PressAsync("Tab");
            (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe(id);
        }
        // A radio group takes one Tab stop; arrows move the choice within it, from the first level to the wanted one.
        await TabTo("level-NotStarted");
        foreach (var _ in Enumerable.Range(0, Array.IndexOf(new[] { "NotStarted", "Limited", "Substantial", "Complete" }, Level(level))))
            await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Space");
        await TabTo("narrative");
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        await page.Locator("#asOf").FillAsync(asOf);
        await TabTo("evidence-0--title");
        await page.Keyboard.TypeAsync("Keyboard evidence");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("not a link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync();

        // Refused beside the field, with the typed text kept; the error summary links to the field.
        (await page.Locator("#evidence-0--url-error").InnerTextAsync()).ShouldContain("absolute http(s) URL");
        (await page.Locator("#narrative").InputValueAsync()).ShouldBe("Typed without a mouse.");
        await page.Locator(".error-summary a").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("location.hash")).ShouldBe("#evidence-0--url");
        await TabTo("evidence-0--url");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("https://example.org/keyboard-evidence");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/workbench/commitments?reported=*");
        await site.DoneAsync(page);
    }

    public static TheoryData<string> WorkbenchPages() => ["my commitments", "progress form", "progress form refused", "progress preview", "rebaseline form"];

    [Theory]
    [MemberData(nameof(WorkbenchPages))]
    public async Task every_workbench_page_passes_axe(string pageType)
    {
        var (lead, milestone, _, _) = await DemoMilestone("US0118");
        var page = await site.SignedInAsync(TrackerRole.Ministry, lead.ToString(), "axe-1", "/workbench/commitments", javaScript: true);
        switch (pageType)
        {
            case "progress form":
                await page.GotoAsync($"/workbench/milestones/{milestone}/progress");
                break;
            case "progress form refused":
                await page.GotoAsync($"/workbench/milestones/{milestone}/progress");
                await page.Locator("#evidence-0--url").FillAsync("not a link");
                await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
                await page.Locator(".error-summary").WaitForAsync();
                break;
            case "progress preview":
                await page.GotoAsync($"/workbench/milestones/{milestone}/progress");
                await page.Locator("#narrative").FillAsync("Preview text.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Preview what the public will see" }).ClickAsync();
                await page.Locator(".preview").WaitForAsync();
                break;
            case "rebaseline form":
                await page.GotoAsync($"/workbench/milestones/{milestone}/rebaseline");
                break;
        }
        await TrackerSite.ScreenshotAsync(page, $"workbench-{pageType}");

        await page.ShouldHaveNoSeriousViolationsAsync();
        await site.DoneAsync(page);
    }
}
