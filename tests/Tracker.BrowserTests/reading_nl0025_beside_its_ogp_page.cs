using Microsoft.Playwright;
using Tracker.BrowserTests.Infrastructure;

namespace Tracker.BrowserTests;

/// <summary>
/// NL0025 is the commitment of the OGP page people know today (seed 003): Tracker's page must show every fact of it.
/// </summary>
[Collection(TrackerSiteCollection.Name)]
public class reading_nl0025_beside_its_ogp_page(TrackerSite site)
{
    /// <summary>Every fact of the OGP page, in its order: where it appears on Tracker's page, and what it says.</summary>
    private static readonly (string Fact, string Where, string Text)[] FactsOfTheOgpPage =
    [
        ("commitment number and title", "h1", "NL0025: Training civil servants on public participation"),
        ("commitment number", "#overview + dl", "Commitment number\n07"),
        ("country", "#overview + dl", "Member\nNetherlands"),
        ("action plan", "#overview + dl", "Netherlands 2016-2018 National Action Plan"),
        ("year of the action plan", "#overview + dl", "1 January 2016"),
        ("end date", "#overview + dl", "End date\n31 December 2017"),
        ("action plan's own title", "#overview ~ p.text", "The public officer as professional within the civil society"),
        ("action plan text, first paragraph", "#overview ~ p.text", "If there is to be good and effective dialogue, it is essential that the government is open to civil society initiatives."),
        ("action plan text, second paragraph", "#overview ~ p.text", "The Ministry of I&M serves as an inspiring role model for other government departments"),
        ("lead institution", "#overview + dl", "Lead institution\nMinistry of Infrastructure and the Environment"),
        ("supporting institutions", "#overview + dl", "Ministry of the Interior and Kingdom Relations (BZK); the civil society"),
        ("IRM's short title", "#overview + dl", "Develop the skills of public sector staff"),
        ("IRM report", "#src-irm ~ ul", "Netherlands Mid-Term Report 2016-2018 (Year 1), IRM progress report published 2018."),
        ("milestone 1", "#milestone-1", "Professionalisation course “The Art of Connecting”: in 2018, all policy staff within the Ministry of Infrastructure and the Environment will have attended a professionalisation course"),
        ("milestone 2", "#milestone-2", "Work processes: By the end of 2017, all work processes will have been adapted."),
        ("milestone 3", "#milestone-3", "Approach Strengthening Professional Skills: in 2017 the Approach Strengthening Professional Skills will start."),
        ("milestone 4", "#milestone-4", "Communities of Practice: staff who have followed the professionalisation course “The Art of Connecting”, will come together in a peer review setting"),
        ("milestone 5", "#milestone-5", "Management professionalisation: by the end of 2017, all managers within Ministry of Infrastructure and the Environment will have received training"),
        ("milestone 6", "#milestone-6", "Providing input for formulating ambitions for the public sector as a whole."),
        ("IRM start and end dates", "#milestone-6", "Planned 1 January 2016 to 30 June 2018"),
        ("specificity", "#ratings-Midterm ~ .table-wrap", "Low (given): Activity measurable only with interpretation."),
        ("OGP value relevance", "#ratings-Midterm ~ .table-wrap", "Civic participation (relevant)"),
        ("potential impact, not stated in words", "#ratings-Midterm ~ .table-wrap", "Potential impact\tNot assessed"),
        ("completion at midterm, not stated in words", "#ratings-Midterm ~ .table-wrap", "Completion at midterm\tNot assessed"),
        ("on time", "#ratings-Midterm ~ .table-wrap", "On time?\tYes"),
        ("starred as of midterm", "#ratings-Midterm ~ .table-wrap", "Starred\tNo"),
        ("context and objectives", "#src-irm ~ ul", "This commitment’s overall specificity is low, because the commitment text does not clearly identify what type of training"),
        ("relevance and scope", "#src-irm ~ ul", "The commitment's scope is limited, since it covers the training of staff within the Ministry of Infrastructure and the Environment."),
        ("completion text", "#src-irm ~ ul", "six out of 11 tranches (groups) of civil servants participated in the course “The Art of Connecting” (milestone 1) by June 2017."),
        ("next steps", "#src-irm ~ ul", "Next steps: If taken forward into the next action plan, the government needs to reformulate the commitment"),
        ("see similar commitments", "#similar", "Similar commitments of other members"),
    ];

    [Fact]
    public async Task shows_every_fact_of_the_ogp_page()
    {
        var page = await site.OpenAsync("/commitments/NL0025");

        var missing = new List<string>();
        foreach (var (fact, where, text) in FactsOfTheOgpPage)
            if (!string.Join("\n", await page.Locator(where).AllInnerTextsAsync()).Contains(text, StringComparison.Ordinal))
                missing.Add($"{fact} (“{text}” in {where})");

        missing.ShouldBeEmpty();
        await site.DoneAsync(page);
    }

    [Fact]
    public async Task its_plan_is_the_netherlands_second_beside_the_samples_other_netherlands_plans()
    {
        var page = await site.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Netherlands 2016-2018 National Action Plan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "NL0025", Exact = true }).First.ClickAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("NL0025: Training civil servants on public participation");
        await site.DoneAsync(page);
    }
}
