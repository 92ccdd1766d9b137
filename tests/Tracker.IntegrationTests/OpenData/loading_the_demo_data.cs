using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.OpenData.Demo;

namespace Tracker.IntegrationTests.OpenData;

/// <summary>A host started as <c>make run</c> starts it: with <c>Tracker:LoadDemoData</c> on, on an empty database.</summary>
public class DemoTracker : TrackerApp
{
    protected override void Configure(IServiceCollection services) =>
        services.PostConfigure<DemoDataOptions>(options => options.LoadDemoData = true);
}

public class loading_the_demo_data(DemoTracker app) : IClassFixture<DemoTracker>
{
    [Fact]
    public async Task the_first_run_shows_the_us_fifth_national_action_plan_with_its_milestones_and_both_progress_rounds()
    {
        var plan = (await app.Anonymous().Get<JsonElement[]>("/api/plans?member=US")).ShouldHaveSingleItem();
        var commitments = await app.Anonymous().Get<JsonElement[]>($"/api/plans/{plan.GetProperty("id").GetGuid()}/commitments");
        var pages = await Task.WhenAll(commitments.Select(c => app.Anonymous().Get<JsonElement>($"/api/commitments/{c.GetProperty("code").GetString()}")));
        var us0113 = pages.Single(p => p.GetProperty("code").GetString() == "US0113");

        plan.GetProperty("number").GetInt32().ShouldBe(5);
        commitments.Length.ShouldBe(36);
        pages.Sum(p => p.GetProperty("milestones").GetArrayLength()).ShouldBe(70);
        pages.SelectMany(p => p.GetProperty("milestones").EnumerateArray())
            .ShouldAllBe(m => m.GetProperty("progressHistory").EnumerateArray().Select(r => r.GetProperty("asOf").GetString()).SequenceEqual(new[] { "2023-08-31", "2024-02-29" }));
        us0113.GetProperty("leadInstitution").GetProperty("name").GetString().ShouldBe("Executive Office of the President / Office of Science and Technology Policy");
        us0113.GetProperty("milestones").GetArrayLength().ShouldBe(7);
        us0113.GetProperty("milestones")[0].GetProperty("latestProgress").GetProperty("level").GetString().ShouldBe("complete");
        us0113.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("url").GetString())
            .ShouldContain("https://www.whitehouse.gov/wp-content/uploads/2023/03/Progress-on-Equitable-Data-Mar2023.pdf");
    }

    [Fact]
    public async Task the_first_run_also_loads_the_ogp_sample_with_its_published_irm_reviews()
    {
        var netherlands = await app.Anonymous().Get<JsonElement[]>("/api/plans?member=NL");
        var nl0003 = Csv.Rows(await app.Anonymous().GetStringAsync("/api/export/commitments.csv?member=NL"))
            .Single(r => r["Commitment Unique Identifier"] == "NL0003");

        netherlands.Length.ShouldBe(5);
        nl0003["Binding constraint"].ShouldBe("PotImp");
    }

    [Fact]
    public async Task a_later_start_on_a_database_that_holds_plans_loads_nothing()
    {
        var before = await app.EventCount();

        await app.Services.GetServices<IHostedService>().OfType<DemoDataOnFirstRun>().Single().StartAsync(CancellationToken.None);

        (await app.EventCount()).ShouldBe(before);
    }
}
