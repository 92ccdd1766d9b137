using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Plans;

public class dating_a_plan_at_the_ends_of_the_calendar(TrackerApp app) : IClassFixture<TrackerApp>
{
    private async Task<Guid> Member(string code) => await Arrange.Member(app.Admin(), $"Member {code}", code);

    [Fact]
    public async Task a_period_in_year_9999_without_a_midterm_cutoff_is_registered_with_the_cutoff_at_its_end()
    {
        var memberId = await Member("ZZ");

        var response = await app.Admin().Post("/api/plans", new { memberId, number = 1, title = "The last plan", periodStart = "9999-01-01", periodEnd = "9999-12-31" });

        await response.ShouldHaveStatus(201);
        var plan = await app.Anonymous().Get<JsonElement>(response.Headers.Location!.ToString());
        plan.GetProperty("midtermCutoff").GetString().ShouldBe("9999-12-31");
    }

    [Fact]
    public async Task the_first_and_last_days_of_the_calendar_are_accepted_for_periods_an_end_and_a_comment_window()
    {
        var admin = app.Admin();
        var memberId = await Member("YY");
        var first = await admin.Post("/api/plans", new { memberId, number = 1, title = "The first plan", periodStart = "0001-01-01", periodEnd = "0001-12-31" });
        var planId = (await first.Read<JsonElement>()).GetProperty("id").GetGuid();

        var amended = await admin.Post($"/api/plans/{planId}/amendments", new
        {
            title = "The longest plan", periodStart = "0001-01-01", periodEnd = "9999-12-31", midtermCutoff = "9999-12-31", reason = "Forever",
        });
        var opened = await admin.Post($"/api/plans/{planId}/reviews/midterm", new { });
        var window = await admin.Post($"/api/plans/{planId}/reviews/midterm/public-comment", new { opens = "0001-01-01", closes = "9999-12-31" });
        var ended = await admin.Post($"/api/plans/{planId}/end", new { endedOn = "9999-12-31" });

        await first.ShouldHaveStatus(201);
        (await app.Anonymous().Get<JsonElement>($"/api/plans/{planId}")).GetProperty("midtermCutoff").GetString().ShouldBe("9999-12-31");
        await amended.ShouldHaveStatus(200);
        await opened.ShouldHaveStatus(201);
        await window.ShouldHaveStatus(200);
        await ended.ShouldHaveStatus(200);
    }

    [Theory]
    [InlineData("/api/plans", "periodStart", """{"memberId":"00000000-0000-0000-0000-000000000001","number":1,"title":"t","periodStart":"10000-01-01","periodEnd":"9999-12-31"}""")]
    [InlineData("/api/plans", "periodEnd", """{"memberId":"00000000-0000-0000-0000-000000000001","number":1,"title":"t","periodStart":"0001-01-01","periodEnd":"0000-12-31"}""")]
    [InlineData("/api/plans/{plan}/amendments", "midtermCutoff", """{"title":"t","periodStart":"2016-01-01","periodEnd":"2018-06-30","midtermCutoff":"2016-13-01","reason":"r"}""")]
    [InlineData("/api/plans/{plan}/end", "endedOn", """{"endedOn":"+10000-01-01"}""")]
    [InlineData("/api/plans/{plan}/reviews/midterm/public-comment", "closes", """{"opens":"2017-01-01","closes":"99999-12-31"}""")]
    public async Task a_day_outside_the_calendar_is_refused_naming_its_field(string route, string field, string body)
    {
        var planId = await Arrange.Plan(app.Admin(), await Arrange.Member(app.Admin(), $"Member {field}", $"X{field.Length:00}"), number: route.Length % 99 + 1);

        var response = await app.Admin().PostRaw(route.Replace("{plan}", planId.ToString()), body);

        var problem = await response.ShouldBeProblem(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(field);
    }
}
