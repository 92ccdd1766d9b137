using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Hardening;

public class answering_with_security_headers(TrackerApp app) : IClassFixture<TrackerApp>
{
    private static void ShouldCarryTheSecurityHeaders(HttpResponseMessage response, string what)
    {
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], what);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"], what);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"], what);
        response.Headers.Contains("Server").ShouldBeFalse(what);
    }

    [Fact]
    public async Task every_answer_carries_the_security_headers_and_json_answers_a_policy_that_loads_nothing()
    {
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["a list"] = await app.Anonymous().GetAsync("/api/plans"),
            ["a missing plan"] = await app.Anonymous().GetAsync($"/api/plans/{Guid.NewGuid()}"),
            ["an unknown route"] = await app.Anonymous().GetAsync("/api/nothing-here"),
            ["a write without a token"] = await app.Anonymous().Post("/api/members", new { name = "X", code = "XX", kind = "National" }),
            ["a malformed body"] = await app.Admin().PostRaw("/api/members", "{\"name\":"),
            ["an export"] = await app.Anonymous().GetAsync("/api/export/commitments.csv"),
        };

        answers["a list"].StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        answers["a write without a token"].StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        foreach (var (what, response) in answers)
        {
            ShouldCarryTheSecurityHeaders(response, what);
            response.Headers.GetValues("Content-Security-Policy").ShouldBe(["default-src 'none'; frame-ancestors 'none'"], what);
        }
    }

    [Fact]
    public async Task html_pages_carry_the_security_headers_but_not_the_policy_of_json_answers()
    {
        var page = await app.Browser(followRedirects: true).GetAsync("/docs"); // the API reference redirects /docs to /docs/

        await page.ShouldHaveStatus(200);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        ShouldCarryTheSecurityHeaders(page, "/docs");
        (page.Headers.TryGetValues("Content-Security-Policy", out var policy) ? policy.Single() : null).ShouldNotBe("default-src 'none'; frame-ancestors 'none'");
    }

    [Fact]
    public void kestrel_is_told_not_to_name_itself()
    {
        app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();
    }

    [Fact]
    public async Task cors_is_closed_unless_origins_are_configured()
    {
        var read = new HttpRequestMessage(HttpMethod.Get, "/api/plans") { Headers = { { "Origin", "https://ogp.example" } } };
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/members")
        {
            Headers = { { "Origin", "https://ogp.example" }, { "Access-Control-Request-Method", "POST" } },
        };

        var readResponse = await app.Anonymous().SendAsync(read);
        var preflightResponse = await app.Anonymous().SendAsync(preflight);

        await readResponse.ShouldHaveStatus(200);
        readResponse.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        preflightResponse.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        preflightResponse.Headers.Contains("Access-Control-Allow-Methods").ShouldBeFalse();
    }
}

/// <summary>A host that lets one browser origin call it.</summary>
public class OneAllowedOrigin : TrackerApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:Cors:Origins:0"] = "https://ogp.example",
    };
}

public class allowing_configured_origins(OneAllowedOrigin app) : IClassFixture<OneAllowedOrigin>
{
    [Theory]
    [InlineData("https://ogp.example", true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task only_a_configured_origin_gets_cors_headers(string origin, bool allowed)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/members")
        {
            Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "authorization,content-type" } },
        };
        var read = new HttpRequestMessage(HttpMethod.Get, "/api/plans") { Headers = { { "Origin", origin } } };

        var preflightResponse = await app.Anonymous().SendAsync(preflight);
        var readResponse = await app.Anonymous().SendAsync(read);

        (preflightResponse.Headers.TryGetValues("Access-Control-Allow-Origin", out var p) ? p.Single() : null).ShouldBe(allowed ? origin : null);
        (readResponse.Headers.TryGetValues("Access-Control-Allow-Origin", out var r) ? r.Single() : null).ShouldBe(allowed ? origin : null);
    }
}
