using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Hardening;

/// <summary>A host that lets each caller make five requests an hour.</summary>
public class FiveRequestsAnHour : TrackerApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:RateLimits:PermitLimit"] = "5",
        ["Tracker:RateLimits:WindowSeconds"] = "3600",
    };
}

public class limiting_request_rates(FiveRequestsAnHour app) : IClassFixture<FiveRequestsAnHour>
{
    [Fact]
    public async Task a_caller_over_the_limit_gets_429_with_retry_after_and_another_caller_does_not()
    {
        var busy = app.As(TrackerRole.Reviewer, userId: "busy-reviewer");
        for (var i = 0; i < 5; i++) await (await busy.GetAsync("/api/plans")).ShouldHaveStatus(200);

        var refused = await busy.GetAsync("/api/plans");
        var other = await app.As(TrackerRole.Reviewer, userId: "quiet-reviewer").GetAsync("/api/plans");

        await refused.ShouldBeProblem(429, "request.rate_limited");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 3600);
        await other.ShouldHaveStatus(200);
    }

    [Fact]
    public async Task a_browser_over_the_limit_gets_a_page_saying_how_long_to_wait()
    {
        var reader = app.As(TrackerRole.Reviewer, userId: "reader-of-pages");
        HttpRequestMessage Home()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.TryAddWithoutValidation("Accept", Forms.BrowserAccept);
            return request;
        }
        for (var i = 0; i < 5; i++) await (await reader.SendAsync(Home())).ShouldHaveStatus(200);

        var refused = await reader.SendAsync(Home());

        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await refused.Content.ReadAsStringAsync()).ShouldContain($"Wait {refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds:0} seconds, then try again.");
    }

    [Fact]
    public async Task anonymous_callers_are_limited_by_their_address()
    {
        for (var i = 0; i < 5; i++) await (await app.Anonymous().GetAsync("/api/members")).ShouldHaveStatus(200);

        var refused = await app.Anonymous().GetAsync("/api/members");

        await refused.ShouldBeProblem(429, "request.rate_limited");
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task health_probes_are_never_limited()
    {
        var probe = app.As(TrackerRole.Reviewer, userId: "probe");
        for (var i = 0; i < 5; i++) await (await probe.GetAsync("/api/plans")).ShouldHaveStatus(200);

        var live = await probe.GetAsync("/health/live");

        await live.ShouldHaveStatus(200);
    }
}

/// <summary>A host that takes three public comments an hour from an address.</summary>
public class ThreeCommentsAnHour : WriteWorld
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:RateLimits:PublicComments:PermitLimit"] = "3",
        ["Tracker:RateLimits:PublicComments:WindowSeconds"] = "3600",
    };
}

public class limiting_public_comments(ThreeCommentsAnHour world) : IClassFixture<ThreeCommentsAnHour>
{
    [Fact]
    public async Task the_anonymous_public_comment_has_a_stricter_limit_than_the_rest_of_the_api()
    {
        var report = await world.NewReport(ReportStage.PublicComment);
        var commenter = world.Anonymous();
        for (var i = 0; i < 3; i++)
            await (await commenter.Post($"{report}/comments", new { author = "Open State Foundation", text = $"Comment {i}." })).ShouldHaveStatus(201);

        var refused = await commenter.Post($"{report}/comments", new { author = "Open State Foundation", text = "One too many." });
        var read = await commenter.GetAsync(report);

        await refused.ShouldBeProblem(429, "request.rate_limited");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        await read.ShouldHaveStatus(200);
    }
}
