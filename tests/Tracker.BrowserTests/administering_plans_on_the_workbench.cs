using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.BrowserTests.Infrastructure;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>
/// The point of contact's pages as a person meets them: a plan, a commitment and a milestone registered from the forms
/// appear on the public site; a form refused says why beside the field; an OGP file uploaded shows its progress, then its
/// report. Each test arranges its own member, so the demo set other tests read stays as it is.
/// </summary>
[Collection(TrackerSiteCollection.Name)]
public class administering_plans_on_the_workbench(TrackerSite site)
{
    private static Task NoSeriousViolations(IPage page) => page.ShouldHaveNoSeriousViolationsAsync();

    private async Task<JsonElement> Send(string url, object body)
    {
        var response = await site.Api(TrackerRole.Admin).PostAsJsonAsync(url, body);
        response.IsSuccessStatusCode.ShouldBeTrue($"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task an_admin_registers_a_plan_a_commitment_and_a_milestone_from_the_pages_and_the_public_page_shows_them()
    {
        var memberId = (await Send("/api/members", new { name = "Formland", code = "QF", kind = "National", region = "Europe" })).GetProperty("id").GetGuid();
        await Send("/api/institutions", new { name = "Ministry of Forms", kind = "Government", memberId });
        var admin = await site.SignedInAsync(TrackerRole.Admin, null, "poc-register", "/workbench/admin", javaScript: true);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Register a plan" }).ClickAsync();
        await NoSeriousViolations(admin);
        await admin.GetByLabel("Member").SelectOptionAsync(new SelectOptionValue { Label = "Formland (QF)" });
        await admin.GetByLabel("Number of the plan").FillAsync("1");
        await admin.GetByLabel("Title", new() { Exact = true }).FillAsync("Formland 2016-2018 National Action Plan");
        await admin.GetByLabel("First day of implementation").FillAsync("2016-07-01");
        await admin.GetByLabel("Last day of implementation").FillAsync("2016-01-31");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register the plan" }).ClickAsync();

        // Refused: the error beside the field that caused it, everything typed still there.
        (await admin.Locator("#periodEnd-error").InnerTextAsync()).ShouldContain("The period must end after it starts.");
        (await admin.GetByLabel("Title", new() { Exact = true }).InputValueAsync()).ShouldBe("Formland 2016-2018 National Action Plan");
        (await admin.Locator("#error-summary").InnerTextAsync()).ShouldContain("Last day of implementation");
        await NoSeriousViolations(admin);
        await admin.GetByLabel("Last day of implementation").FillAsync("2018-06-30");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register the plan" }).ClickAsync();
        (await admin.Locator("p.notice").InnerTextAsync()).ShouldStartWith("The plan is registered.");
        await NoSeriousViolations(admin);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Register a commitment" }).ClickAsync();
        await NoSeriousViolations(admin);
        await admin.GetByLabel("Code").FillAsync("QF0001");
        await admin.GetByLabel("Number within the plan").FillAsync("01");
        await admin.GetByLabel("Title", new() { Exact = true }).FillAsync("Open the register of lobbyists");
        await admin.GetByLabel("Lead institution").SelectOptionAsync(new SelectOptionValue { Label = "Ministry of Forms" });
        await admin.GetByLabel("Access to information").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register the commitment" }).ClickAsync();
        (await admin.Locator("p.notice").InnerTextAsync()).ShouldStartWith("The commitment is registered.");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Plan a milestone of QF0001" }).ClickAsync();
        await NoSeriousViolations(admin);
        await admin.GetByLabel("What the milestone commits to").FillAsync("Publish the register online");
        await admin.GetByLabel("Planned start").FillAsync("2016-09-01");
        await admin.GetByLabel("Planned end").FillAsync("2017-06-30");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Plan the milestone" }).ClickAsync();
        (await admin.Locator("p.notice").InnerTextAsync()).ShouldStartWith("The milestone is planned.");
        await NoSeriousViolations(admin);

        // The amendment forms open filled with what is stored.
        var planPage = admin.Url;
        await admin.GetByRole(AriaRole.Link, new() { Name = "Amend the plan" }).ClickAsync();
        (await admin.GetByLabel("Title", new() { Exact = true }).InputValueAsync()).ShouldBe("Formland 2016-2018 National Action Plan");
        await NoSeriousViolations(admin);
        await admin.GotoAsync(planPage);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Revise QF0001" }).ClickAsync();
        (await admin.GetByLabel("Access to information").IsCheckedAsync()).ShouldBeTrue();
        await NoSeriousViolations(admin);
        await admin.GotoAsync(planPage);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Withdraw milestone 1 of QF0001" }).ClickAsync();
        await NoSeriousViolations(admin);

        var reader = await site.OpenAsync("/commitments/QF0001");
        var main = await reader.Locator("main").InnerTextAsync();
        main.ShouldContain("Open the register of lobbyists");
        main.ShouldContain("Formland 2016-2018 National Action Plan");
        main.ShouldContain("Publish the register online");
        await site.DoneAsync(reader);
        await site.DoneAsync(admin);
    }

    [Fact]
    public async Task an_admin_uploads_an_ogp_file_sees_its_progress_and_then_its_report()
    {
        var admin = await site.SignedInAsync(TrackerRole.Admin, null, "poc-import", "/workbench/admin", javaScript: true);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Import an OGP file" }).ClickAsync();
        await NoSeriousViolations(admin);
        var file = Path.Combine(Path.GetTempPath(), $"ogp-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, MadeOgpFile.Of("QX", "Quixland", 150, offScale: 7));

        string progress;
        await using (await HeldAppends.HoldAsync(site.Services.GetRequiredService<IDocumentStore>(),
                         TrackerDatabase.ConnectionString(site.Services.GetRequiredService<IConfiguration>())))
        {
            await admin.GetByLabel("The CSV file").SetInputFilesAsync(file);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
            await admin.WaitForURLAsync(url => url.Contains("/workbench/admin/imports/", StringComparison.Ordinal));
            // The page refreshes itself while the import runs; read it, and check it, with the refresh stopped.
            await admin.GotoAsync(admin.Url.Split('?')[0] + "?refresh=off");
            progress = await admin.Locator("[role=status]").InnerTextAsync();
            (await admin.Locator("progress#import-progress").GetAttributeAsync("max")).ShouldBe("150");
            await NoSeriousViolations(admin);
            await admin.GotoAsync(admin.Url.Split('?')[0]);
        }
        await admin.Locator("#import-report").WaitForAsync(new() { Timeout = 120_000 });
        var report = await admin.Locator("#import-report").InnerTextAsync();

        progress.ShouldContain("Importing");
        progress.ShouldMatch(@"\d+ of 150 rows");
        (await admin.Locator("[role=status]").InnerTextAsync()).ShouldContain("149 taken, 0 already present, 1 refused");
        report.ShouldContain("QX0007");
        report.ShouldContain("Specificity");
        report.ShouldContain("Consistency with the file’s ratings");
        await NoSeriousViolations(admin);
        File.Delete(file);
        await site.DoneAsync(admin);
    }
}
