using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Hardening;

public partial class hiding_internals(WriteWorld world) : IClassFixture<WriteWorld>
{
    // What would tell an attacker how Tracker is built: stack frames, exception and library names, source paths, SQL.
    private static readonly string[] Internals =
    [
        "   at ", "Exception", ".cs:line", "/work/", "/src/", "/home/", "Npgsql", "Marten", "Wolverine", "JasperFx", "System.",
        "Tracker.", "mt_", "select ", "SELECT ", "insert into", "INSERT INTO", "relation \"", "SqlState", "stack",
    ];

    private static readonly string[] PageInternals =
        ["   at ", "Exception", ".cs:line", "/work/", "/src/", "Npgsql", "Marten", "Wolverine", "JasperFx", "System.", "Tracker.Infrastructure", "mt_", "SqlState"];

    // Every route the application maps, API and pages, with its parameters filled in: a fresh id, a review kind, or junk.
    private IReadOnlyList<(string Method, string Url)> Routes() => world.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (method, pattern: e.RoutePattern.RawText ?? "")))
        .Select(r => (r.method, Parameter().Replace(r.pattern, m => m.Value.Contains(":guid") ? Guid.NewGuid().ToString() : m.Value.StartsWith("{kind") ? "midterm" : "x%0A%1B[31m")))
        .Distinct().ToList();

    private static readonly string[] Bodies = ["{\"title\": ", "[]", "{\"code\": 1e400}", new string('[', 200) + new string(']', 200), "{\"a\":\"\\ud800\"}", "\"\u0000\""];

    private async Task<List<string>> Probe(bool failuresExpected)
    {
        var found = new List<string>();
        foreach (var (method, url) in Routes())
        foreach (var client in new[] { world.Anonymous(), world.Admin() })
        {
            var requests = method == "GET"
                ? new[] { new HttpRequestMessage(HttpMethod.Get, url), new HttpRequestMessage(HttpMethod.Get, url + "?asOf=yesterday%0A&member=%1B[2J") }
                : Bodies.Select(body => new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") })
                    .Append(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("junk=%ZZ&=&a=%F0%28", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") })
                    .Append(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("title=%00", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") })
                    .ToArray();
            foreach (var request in requests)
            {
                // Pages are asked as a browser asks, so their error pages are probed too.
                if (!url.StartsWith("/api", StringComparison.Ordinal)) request.Headers.TryAddWithoutValidation("Accept", Forms.BrowserAccept);
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status >= 500 && !failuresExpected) found.Add($"{method} {url}: {status} {body}");
                if (status == 500 && response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    _failedPages++;
                    if (!ReferenceToQuote().IsMatch(body)) found.Add($"{method} {url}: a 500 page without the reference to quote");
                }
                // A page's markup and text hold words such as "select " and "Tracker." of their own: its refusals are read
                // for what only a leak would show.
                var internals = url.StartsWith("/api", StringComparison.Ordinal) ? Internals : status >= 400 ? PageInternals : [];
                foreach (var internal_ in internals.Where(i => body.Contains(i, StringComparison.Ordinal)))
                    found.Add($"{method} {url} ({status}) names '{internal_}': {body[..Math.Min(body.Length, 300)]}");
            }
        }
        return found;
    }

    [Fact]
    public async Task bad_requests_to_every_route_never_answer_with_internals_or_500()
    {
        (await Probe(failuresExpected: false)).ShouldBeEmpty();
    }

    [Fact]
    public async Task failures_of_the_database_on_every_route_answer_without_internals()
    {
        var found = new List<string>();
        var plan = await world.PlanId();
        await using var connection = new NpgsqlConnection(world.ConnectionString);
        await connection.OpenAsync();
        await using (var away = new NpgsqlCommand("alter table tracker.mt_streams rename to mt_streams_away; alter table tracker.mt_doc_plan rename to mt_doc_plan_away", connection))
            await away.ExecuteNonQueryAsync();
        try
        {
            found.AddRange(await Probe(failuresExpected: true));
            var write = await world.Admin().Post($"/api/plans/{plan}/end", new { endedOn = "2018-06-30" });
            ((int)write.StatusCode).ShouldBe(500);
            _failedPages.ShouldBeGreaterThan(0, "no page failed, so none was read for the reference its log line carries");
        }
        finally
        {
            await using var back = new NpgsqlCommand("alter table tracker.mt_streams_away rename to mt_streams; alter table tracker.mt_doc_plan_away rename to mt_doc_plan", connection);
            await back.ExecuteNonQueryAsync();
        }
        found.ShouldBeEmpty();
    }

    private int _failedPages;

    [GeneratedRegex("quote this reference: 00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")]
    private static partial Regex ReferenceToQuote();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
