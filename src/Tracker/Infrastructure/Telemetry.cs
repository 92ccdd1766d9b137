using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tracker.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics of ASP.NET Core, Npgsql, Marten and Wolverine (their ActivitySource and Meter are
/// named "Marten" and "Wolverine"), Tracker's own projection lag, a Prometheus scrape at <c>/metrics</c>, and OTLP export
/// only when <c>Tracker:Telemetry:OtlpEndpoint</c> names a collector (nothing leaves the process otherwise).
/// </summary>
public static class Telemetry
{
    /// <summary>Tracker's own meter.</summary>
    public const string MeterName = "Tracker";

    /// <summary>Where Prometheus scrapes.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Registers the providers, the exporters and the lag sampler.</summary>
    public static WebApplicationBuilder AddTrackerTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["Tracker:Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        var protocol = builder.Configuration.GetValue("Tracker:Telemetry:OtlpProtocol", OtlpExportProtocol.Grpc);
        builder.Services.AddSingleton<ProjectionLag>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ProjectionLag>());
        builder.Services.AddTransient<IStartupFilter, MetricsEndpoint>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tracker"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                    .AddNpgsql()
                    .AddSource("Marten", "Wolverine");
                if (otlp is not null) tracing.AddOtlpExporter(options => (options.Endpoint, options.Protocol) = (otlp, protocol));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddMeter("Npgsql", "Marten", "Wolverine", MeterName)
                    // Every scrape reads the lag afresh, so none is answered from a cache of an earlier one.
                    .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null) metrics.AddOtlpExporter(options => (options.Endpoint, options.Protocol) = (otlp, protocol));
            });
        return builder;
    }

    // The scrape answers ahead of the application's own pipeline (no rate limit, no sign-in): to a scraper on the same
    // machine, or one that presents the configured token (MetricsAccess); the lag is read afresh first.
    private sealed class MetricsEndpoint(IConfiguration configuration) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var access = new MetricsAccess(configuration);
            app.Map(MetricsPath, scrape =>
            {
                scrape.Use(async (http, inner) =>
                {
                    if (!access.Allows(http))
                    {
                        http.Response.Headers.WWWAuthenticate = "Bearer";
                        await Problems.Result(Problems.Of(401, "metrics.unauthorized",
                            "The metrics are for the operator: scrape from this machine, or send the configured bearer token.")).ExecuteAsync(http);
                        return;
                    }
                    await http.RequestServices.GetRequiredService<ProjectionLag>().RefreshAsync(http.RequestAborted);
                    await inner(http);
                });
                scrape.UseOpenTelemetryPrometheusScrapingEndpoint(_ => true);
            });
            next(app);
        };
    }
}

/// <summary>
/// Who may read <c>/metrics</c>: counts by route, status and projection say how the service is used, which is the
/// operator's business. A scraper on the same machine (a loopback address, or none: in-process or a Unix socket) when
/// <c>Tracker:Telemetry:MetricsFromLoopback</c> is true (the default), and any scraper that sends
/// <c>Authorization: Bearer</c> with <c>Tracker:Telemetry:MetricsToken</c> (when set). Behind a reverse proxy on the same
/// machine every caller comes from loopback: keep <c>/metrics</c> off the proxy, or turn loopback off and use the token.
/// </summary>
public sealed class MetricsAccess(IConfiguration configuration)
{
    private readonly bool _fromLoopback = configuration.GetValue("Tracker:Telemetry:MetricsFromLoopback", true);
    private readonly byte[]? _token = configuration["Tracker:Telemetry:MetricsToken"] is { Length: > 0 } token ? System.Text.Encoding.UTF8.GetBytes(token) : null;

    /// <summary>Whether this request may read the metrics.</summary>
    public bool Allows(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (_fromLoopback && (address is null || System.Net.IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))
            return true;
        var header = http.Request.Headers.Authorization.ToString();
        return _token is not null && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), _token);
    }
}

/// <summary>
/// How far each async projection is behind the event store: the highest stored event's sequence less the last one the
/// projection has folded (events, not time). Read afresh by <c>/metrics</c> and <c>/health/ready</c>, and every
/// <c>Tracker:Telemetry:LagSampleSeconds</c> (15 s) for the OTLP exporter; published as the gauge
/// <c>tracker.projection.lag</c> with the tags <c>projection</c> and <c>database</c>.
/// </summary>
public sealed class ProjectionLag : BackgroundService
{
    private readonly Marten.IDocumentStore _store;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly ILogger<ProjectionLag> _logger;
    private readonly string _database;
    private volatile IReadOnlyDictionary<string, long> _last = new Dictionary<string, long>();

    // One gauge for the process over every sampler in it, each series tagged with its database: a meter listener sees
    // every meter of a name in the process, so a gauge per host would let one host's provider report another's lag.
    private static readonly Meter Meter = new(Telemetry.MeterName);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ProjectionLag, byte> Samplers = new();
    private static readonly ObservableGauge<long> Gauge = Meter.CreateObservableGauge("tracker.projection.lag",
        () => Samplers.Keys.SelectMany(sampler => sampler._last.Select(shard => new Measurement<long>(shard.Value,
            new KeyValuePair<string, object?>("projection", shard.Key), new KeyValuePair<string, object?>("database", sampler._database)))),
        unit: "{event}", description: "Events stored but not yet folded by the async projection");

    /// <summary>Creates the sampler.</summary>
    public ProjectionLag(Marten.IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<ProjectionLag> logger)
    {
        (_store, _clock, _logger) = (store, clock, logger);
        _interval = TimeSpan.FromSeconds(configuration.GetValue("Tracker:Telemetry:LagSampleSeconds", 15.0));
        _database = new NpgsqlConnectionStringBuilder(TrackerDatabase.ConnectionString(configuration)).Database ?? "";
        _ = Gauge;
        Samplers[this] = 0;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        Samplers.TryRemove(this, out _);
        base.Dispose();
    }

    /// <summary>The lag as last read, per projection shard.</summary>
    public IReadOnlyDictionary<string, long> Last => _last;

    /// <summary>Reads the lag of every async projection now.</summary>
    public async Task<IReadOnlyDictionary<string, long>> RefreshAsync(CancellationToken ct)
    {
        var shards = _store.Advanced.AllAsyncProjectionShardNames();
        var progress = (await _store.Advanced.AllProjectionProgress(token: ct)).ToDictionary(s => s.ShardName, s => s.Sequence);
        var highest = await HighestSequence(ct);
        var lag = shards.ToDictionary(s => s.Identity, s => Math.Max(0, highest - progress.GetValueOrDefault(s.Identity)));
        _last = lag;
        return lag;
    }

    // The highest sequence of an event that exists: the sequence itself also counts numbers taken by rolled-back
    // transactions (every 409 loser), which no projection will ever fold.
    private async Task<long> HighestSequence(CancellationToken ct)
    {
        await using var connection = _store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {_store.Options.Events.DatabaseSchemaName}.mt_events", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (Resilience.IsTransient(exception) || exception is InvalidOperationException)
            {
                _logger.LogWarning("Projection lag not read: {Reason}", RefusalLogging.Escape(exception.Message));
            }
        }
    }
}
