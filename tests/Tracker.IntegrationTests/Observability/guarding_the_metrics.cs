using System.Net;
using Microsoft.AspNetCore.Http;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Observability;

/// <summary>A host whose scrape also answers a scraper elsewhere that presents a token.</summary>
public sealed class HostWithMetricsToken : TrackerApp
{
    public const string Token = "metrics-scraper-token-for-tests-only";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:Telemetry:MetricsToken"] = Token,
    };
}

/// <summary>A host whose scrape answers the token alone, from anywhere (behind a reverse proxy on the same machine).</summary>
public sealed class HostWithMetricsTokenOnly : TrackerApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:Telemetry:MetricsToken"] = HostWithMetricsToken.Token,
        ["Tracker:Telemetry:MetricsFromLoopback"] = "false",
    };
}

internal static class Scraping
{
    // The test server's client has no address; a request shaped by hand comes from the one it names.
    public static async Task<(int Status, string ContentType, string Body)> Scrape(this TrackerApp app, string from, string? authorization = null)
    {
        var http = await app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/metrics";
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            if (authorization is not null) context.Request.Headers.Authorization = authorization;
        });
        using var reader = new StreamReader(http.Response.Body);
        return (http.Response.StatusCode, http.Response.ContentType ?? "", await reader.ReadToEndAsync());
    }
}

public class guarding_the_metrics(HostWithMetricsToken app) : IClassFixture<HostWithMetricsToken>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task a_scraper_on_the_same_machine_reads_the_metrics_without_a_token(string from)
    {
        var (status, _, body) = await app.Scrape(from);

        status.ShouldBe(200, body);
        body.ShouldContain("# TYPE");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-token")]
    [InlineData("Bearer metrics-scraper-token-for-tests-onl")]
    [InlineData("Basic bWV0cmljczptZXRyaWNz")]
    public async Task a_scraper_elsewhere_without_the_token_gets_401_problem_details_and_no_metrics(string? authorization)
    {
        var (status, contentType, body) = await app.Scrape("203.0.113.7", authorization);

        status.ShouldBe(401);
        contentType.ShouldStartWith("application/problem+json");
        body.ShouldContain("\"code\":\"metrics.unauthorized\"");
        body.ShouldNotContain("# TYPE");
    }

    [Fact]
    public async Task a_scraper_elsewhere_with_the_token_reads_the_metrics()
    {
        var (status, _, body) = await app.Scrape("203.0.113.7", $"Bearer {HostWithMetricsToken.Token}");

        status.ShouldBe(200, body);
        body.ShouldContain("# TYPE");
    }
}

public class guarding_the_metrics_behind_a_proxy(HostWithMetricsTokenOnly app) : IClassFixture<HostWithMetricsTokenOnly>
{
    [Fact]
    public async Task with_loopback_turned_off_only_the_token_reads_the_metrics_even_from_the_same_machine()
    {
        (await app.Scrape("127.0.0.1")).Status.ShouldBe(401);
        (await app.Scrape("127.0.0.1", $"Bearer {HostWithMetricsToken.Token}")).Status.ShouldBe(200);
    }
}
