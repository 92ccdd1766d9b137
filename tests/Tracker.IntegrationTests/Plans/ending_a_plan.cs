using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.IntegrationTests.OpenData;

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

    [Fact]
    public async Task an_ended_plan_takes_no_new_commitments_nor_milestones_and_nothing_is_written()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Endland", "ND");
        var lead = await Arrange.Institution(admin, member, "Ministry of Endings");
        var planId = await Arrange.Plan(admin, member, "Endland 2016-2018", "2016-01-01", "2018-06-30");
        var commitment = await Arrange.Commitment(admin, planId, "ND0001", lead);
        await (await admin.Post($"/api/plans/{planId}/end", new { endedOn = "2018-06-30" })).ShouldHaveStatus(200);
        var before = await app.EventCount();

        var newCommitment = await admin.Post($"/api/plans/{planId}/commitments", new { code = "ND0002", number = "2", title = "Late addition", leadInstitutionId = lead });
        var newMilestone = await admin.Post($"/api/commitments/{commitment}/milestones", new { text = "Late step", plannedStart = "2017-01-01", plannedEnd = "2018-01-01" });

        (await newCommitment.ShouldBeProblem(409, "plan.ended")).GetProperty("detail").GetString()!.ShouldContain("takes no new commitments");
        (await newMilestone.ShouldBeProblem(409, "plan.ended")).GetProperty("detail").GetString()!.ShouldContain("takes no new milestones");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task ending_an_ended_plan_on_the_same_day_appends_nothing_and_on_another_day_is_refused()
    {
        var admin = app.Admin();
        var planId = await Arrange.Plan(admin, await Arrange.Member(admin, "Againland", "AG"), "Againland 2016-2018", "2016-01-01", "2018-06-30");
        await (await admin.Post($"/api/plans/{planId}/end", new { endedOn = "2018-06-30" })).ShouldHaveStatus(200);
        var before = await app.EventCount();

        var same = await admin.Post($"/api/plans/{planId}/end", new { endedOn = "2018-06-30" });
        var other = await admin.Post($"/api/plans/{planId}/end", new { endedOn = "2017-01-01" });

        await same.ShouldHaveStatus(200);
        (await other.ShouldBeProblem(409, "plan.ended")).GetProperty("detail").GetString()!.ShouldContain("ended on 2018-06-30");
        (await app.EventCount()).ShouldBe(before);
        (await app.Anonymous().Get<JsonElement>($"/api/plans/{planId}")).GetProperty("endedOn").GetString().ShouldBe("2018-06-30");
    }
}
