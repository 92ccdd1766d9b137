using System.Text.Json;
using Marten;
using Marten.Events;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Observability;

// Alone: the meters are named per process, so hosts of other tests running at the same time report into the same
// instruments and can crowd this host's series out of its scrape.
[CollectionDefinition(nameof(exposing_metrics), DisableParallelization = true)]
public class MetricsRunAlone;

[Collection(nameof(exposing_metrics))]
public class exposing_metrics(TrackerApp app) : IClassFixture<TrackerApp>
{
    private async Task<string> Scrape()
    {
        var response = await app.Anonymous().GetAsync("/metrics");
        await response.ShouldHaveStatus(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        return await response.Content.ReadAsStringAsync();
    }

    // Every host of the test process reports its lag through one gauge, tagged with its database.
    internal static string Database(TrackerApp host) => new Npgsql.NpgsqlConnectionStringBuilder(host.ConnectionString).Database!;

    private static IEnumerable<string> Samples(string exposition, string name) =>
        exposition.Split('\n').Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal));

    [Fact]
    public async Task requests_appear_in_the_scrape_by_route_and_status_with_their_latency()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Metrics Land", "ML");
        using var recorded = new RequestDurationsRecorded("/api/members/{id:guid}", 200, 404);
        await (await app.Anonymous().GetAsync($"/api/members/{member}")).ShouldHaveStatus(200);
        await (await app.Anonymous().GetAsync($"/api/members/{Guid.Empty}")).ShouldHaveStatus(404);

        // A request's duration is recorded when its pipeline ends, which can be after the client has the answer.
        await recorded.All.WaitAsync(TimeSpan.FromSeconds(30));
        var scrape = await Scrape();

        var counts = Samples(scrape, "http_server_request_duration_seconds_count").ToList();
        counts.ShouldContain(line => line.Contains("http_route=\"/api/members/{id:guid}\"") && line.Contains("http_response_status_code=\"200\""), scrape);
        counts.ShouldContain(line => line.Contains("http_route=\"/api/members/{id:guid}\"") && line.Contains("http_response_status_code=\"404\""), scrape);
        counts.ShouldContain(line => line.Contains("http_request_method=\"POST\"") && line.Contains("http_response_status_code=\"201\""), scrape);
        Samples(scrape, "http_server_request_duration_seconds_bucket").ShouldNotBeEmpty();
        Samples(scrape, "http_server_request_duration_seconds_sum").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task the_database_and_the_event_store_report_their_own_metrics()
    {
        await Arrange.Member(app.Admin(), "Npgsql Land", "NP");

        var scrape = await Scrape();

        scrape.Split('\n').ShouldContain(line => line.StartsWith("db_client_", StringComparison.Ordinal), scrape);
        scrape.Split('\n').ShouldContain(line => line.StartsWith("marten_", StringComparison.Ordinal), scrape);
    }

    [Fact]
    public async Task the_lag_of_every_async_projection_is_a_metric_and_on_the_readiness_probe()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Lag Land", "LL");
        await Arrange.Plan(admin, member);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var scrape = await Scrape();
        var ready = await app.Anonymous().Get<JsonElement>("/health/ready");

        var gauges = Samples(scrape, "tracker_projection_lag").Where(line => line.Contains($"database=\"{Database(app)}\"")).ToList();
        gauges.ShouldNotBeEmpty(scrape);
        gauges.ShouldAllBe(line => line.EndsWith(" 0", StringComparison.Ordinal) || line.Contains(" 0 ", StringComparison.Ordinal));
        var lag = ready.GetProperty("projectionLag").EnumerateObject().ToList();
        lag.ShouldNotBeEmpty();
        lag.ShouldAllBe(shard => shard.Value.GetInt64() == 0);
        gauges.Count.ShouldBe(lag.Count);
    }
}

/// <summary>A host that runs no projection daemon, so the async projections fall behind and stay there.</summary>
public sealed class HostWithoutDaemon : TrackerApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:Projections:DaemonMode"] = "Disabled",
    };
}

public class exposing_projection_lag(HostWithoutDaemon app) : IClassFixture<HostWithoutDaemon>
{
    [Fact]
    public async Task events_the_async_projections_have_not_folded_count_as_lag_on_the_probe_and_the_metric()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Behind Land", "BL");
        await Arrange.Plan(admin, member);

        var ready = await app.Anonymous().GetAsync("/health/ready");
        var scrape = await (await app.Anonymous().GetAsync("/metrics")).Content.ReadAsStringAsync();

        await ready.ShouldHaveStatus(200);
        var lag = (await ready.Read<JsonElement>()).GetProperty("projectionLag").EnumerateObject().ToList();
        lag.ShouldNotBeEmpty();
        lag.ShouldAllBe(shard => shard.Value.GetInt64() >= 2);
        scrape.Split('\n').Where(line => line.StartsWith("tracker_projection_lag{", StringComparison.Ordinal) && line.Contains($"database=\"{exposing_metrics.Database(app)}\""))
            .ShouldNotBeEmpty(scrape);
        scrape.Split('\n').Where(line => line.StartsWith("tracker_projection_lag{", StringComparison.Ordinal) && line.Contains($"database=\"{exposing_metrics.Database(app)}\""))
            .ShouldAllBe(line => !line.EndsWith(" 0", StringComparison.Ordinal), await ready.Content.ReadAsStringAsync() + scrape);
    }
}

/// <summary>
/// Completes <see cref="All"/> once ASP.NET Core has recorded a request duration for <paramref name="route"/> with each
/// of <paramref name="statuses"/>. It listens after the host's exporter (which subscribed at start-up), and listeners
/// are called in the order they subscribed, so the exporter has the measurement by then.
/// </summary>
internal sealed class RequestDurationsRecorded : IDisposable
{
    private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<int> _missing;

    public RequestDurationsRecorded(string route, params int[] statuses)
    {
        _missing = [.. statuses];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "Microsoft.AspNetCore.Hosting", Name: "http.server.request.duration" })
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            string? seenRoute = null;
            int? status = null;
            foreach (var tag in tags)
                if (tag.Key == "http.route") seenRoute = tag.Value as string;
                else if (tag.Key == "http.response.status_code" && tag.Value is int code) status = code;
            if (seenRoute != route || status is not { } recorded) return;
            lock (_missing)
                if (_missing.Remove(recorded) && _missing.Count == 0) _all.TrySetResult();
        });
        _listener.Start();
    }

    /// <summary>Completes when every status has been recorded.</summary>
    public Task All => _all.Task;

    public void Dispose() => _listener.Dispose();
}
