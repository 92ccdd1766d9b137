using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Plans;

public class registering_a_plan(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task an_admin_registers_a_plan_and_anyone_reads_it_back()
    {
        var admin = app.Admin();
        var memberId = await Arrange.Member(admin);

        var response = await admin.Post("/api/plans", new
        {
            memberId, number = 3, title = "Netherlands 2016-2018 National Action Plan",
            periodStart = "2016-07-01", periodEnd = "2018-06-30",
        });

        await response.ShouldHaveStatus(201);
        response.Version().ShouldBe(1);
        var planId = (await response.Read<JsonElement>()).GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/plans/{planId}");

        var plan = await app.Anonymous().Get<JsonElement>($"/api/plans/{planId}");
        plan.GetProperty("title").GetString().ShouldBe("Netherlands 2016-2018 National Action Plan");
        plan.GetProperty("memberId").GetGuid().ShouldBe(memberId);
        plan.GetProperty("periodStart").GetString().ShouldBe("2016-07-01");
        plan.GetProperty("midtermCutoff").GetString().ShouldBe("2017-06-30");
        plan.GetProperty("status").GetString().ShouldBe("active");
    }

    [Fact]
    public async Task plans_are_listed_by_member_code()
    {
        var admin = app.Admin();
        var ghana = await Arrange.Member(admin, "Ghana", "GH");
        var ukraine = await Arrange.Member(admin, "Ukraine", "UA");
        await Arrange.Plan(admin, ghana, "Ghana 2021-2023 Action Plan", "2021-11-01", "2023-06-30", 4);
        await Arrange.Plan(admin, ukraine, "Ukraine 2018-2020 Action Plan", "2018-11-01", "2020-08-31", 4);

        var plans = await app.Anonymous().Get<JsonElement[]>("/api/plans?member=GH");

        plans.Select(p => p.GetProperty("title").GetString()).ShouldBe(["Ghana 2021-2023 Action Plan"]);
    }

    [Fact]
    public async Task a_plan_without_a_title_is_refused_naming_the_field_and_nothing_is_written()
    {
        var admin = app.Admin();
        var memberId = await Arrange.Member(admin, "Paraguay", "PY");

        var response = await admin.Post("/api/plans", new { memberId, number = 1, periodStart = "2016-01-01", periodEnd = "2017-12-31" });

        var problem = await response.ShouldBeProblem(400, "request.invalid");
        problem.GetProperty("errors").GetProperty("title").GetArrayLength().ShouldBe(1);
        var plans = await app.Anonymous().Get<JsonElement[]>("/api/plans?member=PY");
        plans.ShouldBeEmpty();
    }

    [Fact]
    public async Task only_an_admin_registers_plans()
    {
        var memberId = await Arrange.Member(app.Admin(), "Chile", "CL");
        var body = new { memberId, number = 1, title = "Chile plan", periodStart = "2016-01-01", periodEnd = "2017-12-31" };

        await (await app.Anonymous().Post("/api/plans", body)).ShouldHaveStatus(401);
        await (await app.As(TrackerRole.Reviewer).Post("/api/plans", body)).ShouldHaveStatus(403);
    }

    [Fact]
    public async Task reads_as_of_an_earlier_instant_show_the_plan_and_its_member_as_they_stood_then()
    {
        var admin = app.Admin();
        var beforeAnything = DateTimeOffset.UtcNow;
        var memberId = await Arrange.Member(admin, "Kenya", "KE");
        var planId = await Arrange.Plan(admin, memberId, "Kenya 2016-2018", "2016-09-01", "2018-06-30", 2);
        var beforeAmendment = DateTimeOffset.UtcNow;
        await (await admin.Post($"/api/plans/{planId}/amendments", new
        {
            title = "Kenya 2016-2018 (extended)", periodStart = "2016-09-01", periodEnd = "2018-12-31", midtermCutoff = "2017-08-31",
            reason = "Extension agreed with OGP",
        }, ifMatch: "\"1\"")).ShouldHaveStatus(200);

        string At(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O"));
        var then = await app.Anonymous().Get<JsonElement>($"/api/plans/{planId}?asOf={At(beforeAmendment)}");
        var now = await app.Anonymous().Get<JsonElement>($"/api/plans/{planId}");
        var membersBefore = await app.Anonymous().Get<JsonElement[]>($"/api/members?asOf={At(beforeAnything)}");

        then.GetProperty("title").GetString().ShouldBe("Kenya 2016-2018");
        then.GetProperty("periodEnd").GetString().ShouldBe("2018-06-30");
        now.GetProperty("title").GetString().ShouldBe("Kenya 2016-2018 (extended)");
        membersBefore.ShouldNotContain(m => m.GetProperty("code").GetString() == "KE");
        await (await app.Anonymous().GetAsync($"/api/plans/{planId}?asOf={At(beforeAnything)}")).ShouldBeProblem(404, "plan.not_found");
        await (await app.Anonymous().GetAsync($"/api/plans/{planId}?asOf=yesterday")).ShouldBeProblem(400, "request.as_of");
    }
}
