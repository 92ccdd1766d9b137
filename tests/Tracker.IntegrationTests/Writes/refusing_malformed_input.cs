using System.Text.Json;
using System.Text.Json.Nodes;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

public class refusing_malformed_input(WriteWorld world) : IClassFixture<WriteWorld>
{
    private async Task<HttpClient> Allowed(WriteEndpoint endpoint) => endpoint.AllowedFor == AllowedCaller.Admin
        ? world.Admin()
        : world.As(TrackerRole.Ministry, await world.LeadId());

    private static async Task<string?> Failure(string variant, HttpResponseMessage response, string? field)
    {
        var status = (int)response.StatusCode;
        if (status != 400) return $"{variant}: expected 400, got {status}: {await response.Content.ReadAsStringAsync()}";
        var problem = await response.Read<JsonElement>();
        if (field is not null && !(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)))
            return $"{variant}: the problem does not name '{field}': {problem}";
        return null;
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints.Names), MemberType = typeof(WriteEndpoints))]
    public async Task every_malformed_body_gets_400_naming_the_field_and_never_500(string endpointName)
    {
        var endpoint = WriteEndpoints.Named(endpointName);
        var failures = new List<string?>();

        var (url, body) = await endpoint.Arrange(world);
        var client = await Allowed(endpoint);
        failures.Add(await Failure("not JSON", await client.PostRaw(url, "{\"title\": "), null));
        failures.Add(await Failure("an array", await client.PostRaw(url, "[]"), null));

        var valid = JsonSerializer.SerializeToNode(body, TrackerApp.Json)!.AsObject();
        foreach (var property in valid.Select(p => p.Key).ToList())
        {
            foreach (var (variant, value) in new (string, JsonNode?)[]
                     {
                         ("far too long", JsonValue.Create(new string('x', 100_001))),
                         ("of the wrong type", valid[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonValue.Create(12345) : JsonValue.Create("not-a-number")),
                     })
            {
                (url, _) = await endpoint.Arrange(world);
                var mutated = valid.DeepClone().AsObject();
                mutated[property] = value;
                failures.Add(await Failure($"{property} {variant}", await client.PostRaw(url, mutated.ToJsonString()), property));
            }

            (url, _) = await endpoint.Arrange(world);
            var missing = valid.DeepClone().AsObject();
            missing.Remove(property);
            var response = await client.PostRaw(url, missing.ToJsonString());
            if ((int)response.StatusCode is not (>= 200 and < 300)) failures.Add(await Failure($"{property} missing", response, property));
        }

        failures.OfType<string>().ShouldBeEmpty();
    }

    [Fact]
    public async Task an_unknown_progress_level_is_refused_naming_the_field()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var response = await ministry.PostRaw($"/api/milestones/{milestone}/progress", """{"level":"Almost","narrative":"x","asOf":"2016-06-30"}""");

        (await response.ShouldBeProblem(400, "request.malformed")).GetProperty("errors").TryGetProperty("level", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("ftp://files.example.org/report.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/report.pdf")]
    public async Task evidence_that_is_not_an_http_url_is_refused(string url)
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var response = await ministry.Post($"/api/milestones/{milestone}/progress", new
        {
            level = "Limited", narrative = "Started.", asOf = "2016-06-30", evidence = new[] { new { title = "Report", url } },
        });

        (await response.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("evidence[0].url", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task dates_outside_the_plan_period_are_refused_naming_the_field()
    {
        var admin = world.Admin();
        var commitment = await world.NewCommitment();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var commitmentTooEarly = await admin.Post($"/api/plans/{await world.PlanId()}/commitments",
            new { code = world.NextCode(), number = "03", title = "Too early", leadInstitutionId = await world.LeadId(), start = "2010-01-01" });
        var milestoneTooLate = await admin.Post($"/api/commitments/{commitment}/milestones",
            new { text = "Too late", plannedStart = "2016-01-01", plannedEnd = "2030-01-01" });
        var progressBeforePlan = await ministry.Post($"/api/milestones/{await world.NewMilestone()}/progress",
            new { level = "Limited", narrative = "Before the plan.", asOf = "2015-12-31" });
        var progressInFuture = await ministry.Post($"/api/milestones/{await world.NewMilestone()}/progress",
            new { level = "Limited", narrative = "Next year.", asOf = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") });

        (await commitmentTooEarly.ShouldBeProblem(400, "date.outside_plan")).GetProperty("errors").TryGetProperty("start", out _).ShouldBeTrue();
        (await milestoneTooLate.ShouldBeProblem(400, "date.outside_plan")).GetProperty("errors").TryGetProperty("plannedEnd", out _).ShouldBeTrue();
        (await progressBeforePlan.ShouldBeProblem(400, "date.outside_plan")).GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
        (await progressInFuture.ShouldBeProblem(400, "date.future")).GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task progress_on_a_withdrawn_milestone_is_refused_and_appends_nothing()
    {
        var milestone = await world.NewMilestone();
        await (await world.Admin().Post($"/api/milestones/{milestone}/withdrawal", new { reason = "Dropped" })).ShouldHaveStatus(200);
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var response = await ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Limited", narrative = "Late.", asOf = "2016-06-30" });

        (await response.ShouldBeProblem(400, "milestone.withdrawn")).GetProperty("errors").TryGetProperty("milestoneId", out _).ShouldBeTrue();
        var history = await world.Anonymous().Get<JsonElement[]>($"/api/streams/{milestone}/history");
        history.Select(e => e.GetProperty("type").GetString()).ShouldBe(["milestone_planned", "milestone_withdrawn"]);
    }

    [Fact]
    public async Task a_malformed_if_match_is_refused_naming_the_header()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var response = await ministry.Post($"/api/milestones/{milestone}/progress",
            new { level = "Limited", narrative = "x", asOf = "2016-06-30" }, ifMatch: "\"yesterday\"");

        (await response.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("If-Match", out _).ShouldBeTrue();
    }
}
