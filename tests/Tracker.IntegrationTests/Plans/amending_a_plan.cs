using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Plans;

public class amending_a_plan(TrackerApp app) : IClassFixture<TrackerApp>
{
    private static object Amendment(string start, string end, string cutoff, string title = "Netherlands 2016-2018 National Action Plan") =>
        new { title, periodStart = start, periodEnd = end, midtermCutoff = cutoff, reason = "Agreed with OGP" };

    private async Task<long> VersionOf(Guid planId) => (await app.Anonymous().GetAsync($"/api/plans/{planId}")).Version();

    [Fact]
    public async Task a_shorter_period_that_would_leave_commitment_and_milestone_dates_outside_it_is_refused_naming_them()
    {
        var admin = app.Admin();
        var nl = await Nl0025.Register(admin); // 2016-01-01..2018-06-30; milestones 2 and 5 end 2017-12-31, the others 2018-06-30
        var before = await VersionOf(nl.PlanId);

        var response = await admin.Post($"/api/plans/{nl.PlanId}/amendments", Amendment("2016-01-01", "2018-03-31", "2016-12-31"));

        var detail = (await response.ShouldBeProblem(409, "plan.period_excludes_dates")).GetProperty("detail").GetString()!;
        detail.ShouldContain("NL0025 end 2018-06-30");
        foreach (var number in new[] { 1, 3, 4, 6 }) detail.ShouldContain($"NL0025 milestone {number} planned end 2018-06-30");
        detail.ShouldNotContain("milestone 2 ");
        detail.ShouldNotContain("milestone 5 ");
        (await VersionOf(nl.PlanId)).ShouldBe(before);
        var plan = await app.Anonymous().Get<JsonElement>($"/api/plans/{nl.PlanId}");
        plan.GetProperty("periodEnd").GetString().ShouldBe("2018-06-30");
    }

    [Fact]
    public async Task a_later_start_that_would_leave_reported_progress_before_the_plan_is_refused_and_an_extension_is_not()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Ghana", "GH");
        var lead = await Arrange.Institution(admin, member, "Ministry of Information");
        var planId = await Arrange.Plan(admin, member, "Ghana 2016-2018 Action Plan", "2016-01-01", "2018-06-30", 2);
        var commitment = await Arrange.Commitment(admin, planId, "GH0021", lead);
        var milestone = await Arrange.Milestone(admin, commitment, "2016-06-01", "2018-06-30");
        await (await app.As(TrackerRole.Ministry, lead).Post($"/api/milestones/{milestone}/progress",
            new { level = "limited", narrative = "Drafting began early", asOf = "2016-03-31" })).ShouldHaveStatus(200);
        var before = await VersionOf(planId);

        var later = await admin.Post($"/api/plans/{planId}/amendments", Amendment("2016-05-01", "2018-06-30", "2017-04-30", "Ghana 2016-2018 Action Plan"));
        var refusedVersion = await VersionOf(planId);
        var extended = await admin.Post($"/api/plans/{planId}/amendments", Amendment("2016-01-01", "2019-06-30", "2016-12-31", "Ghana 2016-2018 Action Plan"));

        var detail = (await later.ShouldBeProblem(409, "plan.period_excludes_dates")).GetProperty("detail").GetString()!;
        detail.ShouldContain("GH0021 milestone 1 progress as of 2016-03-31");
        detail.ShouldNotContain("planned start");
        refusedVersion.ShouldBe(before);
        await extended.ShouldHaveStatus(200);
        extended.Version().ShouldBe(before + 1);
    }

    [Fact]
    public async Task a_plan_that_has_ended_is_not_amended()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Ukraine", "UA");
        var planId = await Arrange.Plan(admin, member, "Ukraine 2018-2020 Action Plan", "2018-11-01", "2020-08-31", 4);
        await (await admin.Post($"/api/plans/{planId}/end", new { endedOn = "2020-08-31" })).ShouldHaveStatus(200);
        var before = await VersionOf(planId);

        var response = await admin.Post($"/api/plans/{planId}/amendments", Amendment("2018-11-01", "2020-12-31", "2019-10-31", "Ukraine 2018-2020 Action Plan"));

        await response.ShouldBeProblem(409, "plan.ended");
        (await VersionOf(planId)).ShouldBe(before);
    }
}
