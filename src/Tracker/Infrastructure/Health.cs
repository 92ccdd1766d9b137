using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Tracker.Infrastructure;

/// <summary>Ready means: the schema was applied at start-up and the database answers now.</summary>
public sealed class DatabaseHealthCheck(DatabaseStartup startup, IConfiguration configuration) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.SchemaApplied) return HealthCheckResult.Unhealthy("schema not applied yet");
        try
        {
            await using var connection = new NpgsqlConnection(TrackerDatabase.ConnectionString(configuration));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("database reachable, schema applied");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}

/// <summary>
/// The lag of every async projection (events behind the store), for <c>/health/ready</c>. A lag never makes the instance
/// unready: the projections may be running on another instance, and reads of inline views are current either way.
/// </summary>
public sealed class ProjectionLagHealthCheck(DatabaseStartup startup, ProjectionLag lag) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.SchemaApplied) return HealthCheckResult.Unhealthy("schema not applied yet");
        try
        {
            var shards = await lag.RefreshAsync(cancellationToken);
            var detail = shards.Count == 0 ? "no async projections" : string.Join(", ", shards.Select(s => $"{s.Key} {s.Value} events behind"));
            return HealthCheckResult.Healthy(detail, shards.ToDictionary(s => s.Key, s => (object)s.Value));
        }
        catch (Exception exception) when (Resilience.IsTransient(exception) || exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("projection lag unknown: database unreachable");
        }
    }
}

/// <summary>What the health endpoints answer; <paramref name="ProjectionLag"/> is each async projection's lag in events (ready only).</summary>
public sealed record HealthReportView(string Status, string? Detail, IReadOnlyDictionary<string, long>? ProjectionLag = null);

/// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
public static class HealthEndpoints
{
    /// <summary>Registers the readiness check.</summary>
    public static IServiceCollection AddTrackerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ProjectionLagHealthCheck>("projections", tags: ["ready"]);
        return services;
    }

    /// <summary>Live answers while the process runs; ready (200) only when the database is usable, else 503.</summary>
    public static IEndpointRouteBuilder MapTrackerHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", static () => TypedResults.Ok(new HealthReportView("live", null)))
            .WithName("Live").WithSummary("The process is running").Produces<HealthReportView>();
        health.MapGet("/ready", static async (HealthCheckService checks, CancellationToken ct) =>
            {
                var report = await checks.CheckHealthAsync(check => check.Tags.Contains("ready"), ct);
                var detail = string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Description}"));
                var lag = report.Entries.TryGetValue("projections", out var projections) && projections.Status == HealthStatus.Healthy
                    ? projections.Data.ToDictionary(d => d.Key, d => Convert.ToInt64(d.Value, System.Globalization.CultureInfo.InvariantCulture))
                    : null;
                return report.Status == HealthStatus.Healthy
                    ? Results.Ok(new HealthReportView("ready", detail, lag))
                    : Results.Json(new HealthReportView("unavailable", detail, lag), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Ready").WithSummary("The database is reachable and the schema applied (503 otherwise), with each async projection's lag")
            .Produces<HealthReportView>().Produces<HealthReportView>(503);
        return app;
    }
}
