using Tracker.BrowserTests.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>The axe runner every page test relies on finds what axe finds: a page that breaks a rule is reported.</summary>
[Collection(TrackerSiteCollection.Name)]
public class checking_pages_with_axe(TrackerSite site)
{
    [Fact]
    public async Task an_image_without_a_text_alternative_and_an_unlabelled_field_are_reported_as_critical()
    {
        var page = await site.NewPageAsync(javaScript: true);
        await page.SetContentAsync("""<html lang="en"><title>Broken</title><main><img src="/x.png"><input type="text"></main></html>""");

        var violations = await page.ViolationsAsync();

        violations.Where(v => v.Impact == "critical").Select(v => v.Id).Order().ShouldBe(["image-alt", "label"]);
        violations.Single(v => v.Id == "image-alt").Nodes.ShouldBe(["<img src=\"/x.png\">"]);
        await site.DoneAsync(page);
    }
}
