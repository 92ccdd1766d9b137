using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Plans;

public class ending_a_plan(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Theory]
    [InlineData("2015-12-31")]
    [InlineData("2018-07-01")]
    [InlineData("9999-12-31")]
    public async Task a_day_outside_the_period_is_refused_naming_the_end_and_the_plan_stays_active(string endedOn)
    {
        var admin = app.Admin();
        var planId = await Arrange.Plan(admin, await Arrange.Member(admin, $"Member {endedOn}", $"E{(char)('A' + endedOn[3] - '0')}"), "Plan 2016-2018", "2016-01-01", "2018-06-30",
            number: endedOn[2] - '0' + 1);
        var before = await app.Anonymous().GetAsync($"/api/plans/{planId}");

        var response = await admin.Post($"/api/plans/{planId}/end", new { endedOn });

        var problem = await response.ShouldBeProblem(400);
        problem.GetProperty("errors").GetProperty("endedOn")[0].GetString().ShouldBe(
            "A plan ends within its period (2016-01-01 to 2018-06-30); amend the period first to end it later.");
        var plan = await app.Anonymous().Get<JsonElement>($"/api/plans/{planId}");
        plan.GetProperty("status").GetString().ShouldBe("active");
        (await app.Anonymous().GetAsync($"/api/plans/{planId}")).Version().ShouldBe(before.Version());
    }
}
