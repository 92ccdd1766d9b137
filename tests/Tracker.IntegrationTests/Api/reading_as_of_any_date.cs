using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Api;

/// <summary>Every read the application maps answers for any asOf a client can write, the ends of the calendar included.</summary>
public partial class reading_as_of_any_date(WriteWorld world) : IClassFixture<WriteWorld>
{
    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2017-06-30")]
    public async Task every_read_answers_a_far_as_of_without_500(string asOf)
    {
        var report = await world.NewReport(ReportStage.Published);
        var planId = Guid.Parse(report.Split('/')[3]);
        var commitment = world.CommitmentOf(report);
        var milestone = await Arrange.Milestone(world.Admin(), commitment, "2016-03-01", "2017-03-01");
        var institution = await world.LeadId();
        var member = await world.MemberId();
        string Fill(string route) => RouteParameter().Replace(route, m => (m.Groups[1].Value, route) switch
        {
            ("kind", _) => "midterm",
            ("idOrCode", _) => commitment.ToString(),
            ("planId", _) => planId.ToString(),
            ("id", var r) when r.StartsWith("/api/members") => member.ToString(),
            ("id", var r) when r.StartsWith("/api/institutions") => institution.ToString(),
            ("id", var r) when r.StartsWith("/api/milestones") => milestone.ToString(),
            ("id", _) => planId.ToString(),
            var (name, _) => throw new InvalidOperationException($"No value for route parameter {name} in {route}"),
        });
        var reads = world.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                        && e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .Select(e => Fill(e.RoutePattern.RawText!)).ToList();
        reads.Count.ShouldBeGreaterThan(10);

        var failures = new List<string>();
        foreach (var url in reads)
        {
            var response = await world.Admin().GetAsync($"{url}?asOf={Uri.EscapeDataString(asOf)}");
            if ((int)response.StatusCode >= 500) failures.Add($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        failures.ShouldBeEmpty();
    }
}
