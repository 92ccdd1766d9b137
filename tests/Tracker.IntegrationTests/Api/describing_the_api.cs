using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Api;

public class describing_the_api(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task the_openapi_document_is_valid_openapi_3()
    {
        await using var stream = await app.Anonymous().GetStreamAsync("/openapi/v1.json");

        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());

        result.Diagnostic!.Errors.ShouldBeEmpty();
        result.Diagnostic.SpecificationVersion.ShouldBeOneOf(OpenApiSpecVersion.OpenApi3_0, OpenApiSpecVersion.OpenApi3_1);
        result.Document!.Paths.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task every_endpoint_is_described_with_its_request_and_response_schemas()
    {
        var document = await app.Anonymous().Get<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api") || raw.StartsWith("/health")))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m.ToLowerInvariant(), Route: e.RoutePattern.RawText!)))
            .ToList();
        routes.Count.ShouldBeGreaterThan(30);

        var failures = new List<string>();
        foreach (var (method, route) in routes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/');
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method, out var operation))
            {
                failures.Add($"{method} {path}: not in the document");
                continue;
            }
            if (!operation.TryGetProperty("operationId", out _)) failures.Add($"{method} {path}: no operationId");
            var success = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (!success.Any(r => r.Value.TryGetProperty("content", out var c) && c.EnumerateObject().Any(m => m.Value.TryGetProperty("schema", out _))))
                failures.Add($"{method} {path}: no success response schema");
            if (method == "post" && operation.TryGetProperty("requestBody", out var body))
            {
                if (body.GetProperty("content").TryGetProperty("multipart/form-data", out var form))
                {
                    if (!form.TryGetProperty("schema", out _)) failures.Add($"{method} {path}: no multipart schema");
                    continue;
                }
                var json = body.GetProperty("content").GetProperty("application/json");
                if (!json.TryGetProperty("schema", out _)) failures.Add($"{method} {path}: no request schema");
                if (!json.TryGetProperty("example", out _)) failures.Add($"{method} {path}: no request example");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_api_reference_page_is_served_at_docs()
    {
        var response = await app.Anonymous().GetAsync("/docs/");

        await response.ShouldHaveStatus(200);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("openapi/v1.json"); // resolved against the page's base path by Scalar's loader
        await (await app.Anonymous().GetAsync("/docs/scalar.aspnetcore.js")).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task health_answers_live_and_ready_once_the_schema_is_applied()
    {
        (await app.Anonymous().Get<JsonElement>("/health/live")).GetProperty("status").GetString().ShouldBe("live");
        (await app.Anonymous().Get<JsonElement>("/health/ready")).GetProperty("status").GetString().ShouldBe("ready");
    }
}
