using System.Text.Json;
using Marten;
using Marten.Events;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Dashboard;

public class reading_the_plan_dashboard(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task the_dashboard_counts_completion_lead_institutions_overdue_milestones_and_latest_updates()
    {
        var nl = await Nl0025.Register(app.Admin());
        var ministry = app.As(TrackerRole.Ministry, nl.LeadId);
        foreach (var milestone in nl.MilestoneIds.Take(3))
            await (await ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Complete", asOf = "2017-12-01", narrative = "Done." })).ShouldHaveStatus(200);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var dashboard = await app.Anonymous().Get<JsonElement>($"/api/plans/{nl.PlanId}/dashboard");

        dashboard.GetProperty("commitments").GetInt32().ShouldBe(1);
        dashboard.GetProperty("byCompletion").GetProperty("substantial").GetInt32().ShouldBe(1); // 3 of 6 milestones complete
        var line = dashboard.GetProperty("byLeadInstitution")[0];
        line.GetProperty("name").GetString().ShouldBe("Ministry of Infrastructure and the Environment");
        dashboard.GetProperty("overdueMilestones").EnumerateArray().Select(m => m.GetProperty("number").GetInt32()).Order().ShouldBe([4, 5, 6]);
        line.GetProperty("overdueMilestones").GetInt32().ShouldBe(3);
        dashboard.GetProperty("latestUpdates")[0].GetProperty("what").GetString().ShouldBe("milestone progress reported: Complete");
        dashboard.GetProperty("starredAtMidterm").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task the_dashboard_catches_up_after_writers_lost_on_a_stale_version()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Ghana", "GH");
        var lead = await Arrange.Institution(admin, member, "Parliament of Ghana", "Parliament");
        var plan = await Arrange.Plan(admin, member, "Ghana 2021-2023", "2021-11-01", "2023-06-30", 4);
        var commitment = await Arrange.Commitment(admin, plan, "GH0040", lead);
        var milestone = await Arrange.Milestone(admin, commitment, "2021-11-01", "2022-06-30");
        var ministry = app.As(TrackerRole.Ministry, lead);

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Limited", asOf = "2022-01-31", narrative = $"writer {i}" }, ifMatch: "\"1\"")));
        racing.Count(r => (int)r.StatusCode == 409).ShouldBe(5);
        await (await ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Complete", asOf = "2022-06-01", narrative = "Plan adopted." })).ShouldHaveStatus(200);

        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var dashboard = await app.Anonymous().Get<JsonElement>($"/api/plans/{plan}/dashboard");

        dashboard.GetProperty("byCompletion").GetProperty("complete").GetInt32().ShouldBe(1);
    }
}
