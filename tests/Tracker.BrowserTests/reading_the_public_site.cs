using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tracker.BrowserTests.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>A person with a browser and no account, JavaScript off, following links.</summary>
[Collection(TrackerSiteCollection.Name)]
public class reading_the_public_site(TrackerSite site)
{
    [Fact]
    public async Task the_home_page_lists_the_members_with_a_progress_bar_for_each_plan_that_reports_progress()
    {
        var page = await site.OpenAsync("/");

        (await page.Locator("h1").CountAsync()).ShouldBe(1);
        (await page.GetByRole(AriaRole.Heading, new() { Name = "United States", Exact = true }).CountAsync()).ShouldBe(1);
        var bar = page.GetByRole(AriaRole.Progressbar, new() { Name = "Commitments complete: United States Fifth Open Government National Action Plan" });
        (await bar.GetAttributeAsync("aria-valuenow")).ShouldBe("39");
        (await page.GetByText("14 of 36 commitments complete (39%)").CountAsync()).ShouldBe(1);
        (await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search commitments" }).CountAsync()).ShouldBe(1);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task from_the_home_page_nl0003s_ratings_and_their_definitions_are_two_clicks_away()
    {
        var page = await site.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Netherlands National Action Plan 2013-2015" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "NL0003", Exact = true }).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/commitments/NL0003$"));
        var ratings = page.GetByRole(AriaRole.Table, new() { Name = "Ratings at midterm, with each level’s definition" });
        var specificity = ratings.GetByRole(AriaRole.Row).Filter(new() { HasText = "Specificity" });
        (await specificity.GetByRole(AriaRole.Cell).First.InnerTextAsync()).ShouldBe("High");
        (await specificity.Locator("li.given").InnerTextAsync()).ShouldBe("High (given): Clear, measurable, verifiable milestones.");
        (await specificity.GetByText("Low: Activity measurable only with interpretation.").CountAsync()).ShouldBe(1);
        var impact = ratings.GetByRole(AriaRole.Row).Filter(new() { HasText = "Potential impact" });
        (await impact.Locator("li.given").InnerTextAsync()).ShouldBe("Minor (given): An incremental positive step.");
        (await ratings.GetByRole(AriaRole.Row).Filter(new() { HasText = "On time?" }).GetByRole(AriaRole.Cell).First.InnerTextAsync())
            .ShouldBe("Not assessed");
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task from_the_us_nap5_dashboard_an_overdue_milestone_is_one_click_away()
    {
        var page = await site.OpenAsync($"/plans/{await site.UsNap5Async()}");
        var overdue = page.Locator("#overdue + p + ul a").First;
        var name = await overdue.InnerTextAsync();

        await overdue.ClickAsync();

        var match = Regex.Match(name, @"^(US\d{4}) milestone (\d+)$");
        match.Success.ShouldBeTrue(name);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/commitments/{match.Groups[1].Value}#milestone-{match.Groups[2].Value}$"));
        var milestone = page.Locator($"#milestone-{match.Groups[2].Value}");
        (await milestone.GetByRole(AriaRole.Heading).First.InnerTextAsync()).ShouldBe($"Milestone {match.Groups[2].Value} (overdue)");
        (await milestone.GetByText("Overdue: its planned end has passed and it is not reported complete.").CountAsync()).ShouldBe(1);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task the_lead_institution_table_sorts_by_any_column_through_plain_links()
    {
        var page = await site.OpenAsync($"/plans/{await site.UsNap5Async()}");
        var table = page.Locator("#institutions ~ .table-wrap table");

        await table.GetByRole(AriaRole.Link, new() { Name = "Lead institution" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("sort=institution&dir=asc"));
        var ascending = await table.Locator("tbody th").AllInnerTextsAsync();
        await table.GetByRole(AriaRole.Link, new() { Name = "Lead institution" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("sort=institution&dir=desc"));
        var descending = await table.Locator("tbody th").AllInnerTextsAsync();
        await table.GetByRole(AriaRole.Link, new() { Name = "Overdue milestones" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("sort=overdue&dir=desc"));
        var overdue = (await table.Locator("tbody td[data-label='Overdue milestones']").AllInnerTextsAsync()).Select(int.Parse).ToList();

        ascending.ShouldBe(ascending.Order(StringComparer.OrdinalIgnoreCase).ToList());
        descending.ShouldBe(ascending.Reverse().ToList());
        overdue.ShouldBe(overdue.OrderDescending().ToList());
        overdue.Count.ShouldBeGreaterThan(5);
        (await table.Locator("th[aria-sort='descending']").InnerTextAsync()).ShouldBe("Overdue milestones");
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task the_date_field_shows_a_page_as_it_stood_and_a_day_before_the_data_existed_has_none()
    {
        var page = await site.OpenAsync("/commitments/NL0003");
        var today = Tracker.Infrastructure.Days.Of(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeProvider>(site.Services)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await page.GetByLabel("Show as it stood on").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/commitments/NL0003\\?asOf={today}$"));
        (await page.Locator(".asof-note").InnerTextAsync()).ShouldStartWith("As it stood on");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Netherlands National Action Plan 2013-2015" }).First.GetAttributeAsync("href"))
            .ShouldEndWith($"?asOf={today}");

        await page.GetByLabel("Show as it stood on").FillAsync("2014-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
        (await page.GetByText("Tracker held no commitment “NL0003” on that day.").CountAsync()).ShouldBe(1);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task a_date_tracker_cannot_read_gets_a_400_page_that_says_what_to_type()
    {
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync("/plans/" + await site.UsNap5Async() + "?asOf=30/06/2017");

        response!.Status.ShouldBe(400);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("That date could not be read");
        (await page.GetByText("Type the date as year-month-day, for example 2017-06-30").CountAsync()).ShouldBe(1);
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task an_unknown_commitment_or_plan_gets_a_404_page_with_a_way_back()
    {
        var page = await site.NewPageAsync();

        var commitment = await page.GotoAsync("/commitments/XX9999");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Not found");
        var plan = await page.GotoAsync("/plans/not-a-plan");

        commitment!.Status.ShouldBe(404);
        plan!.Status.ShouldBe(404);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Members and their plans" }).CountAsync()).ShouldBe(1);
        await site.DoneAsync(page);
    }
}
