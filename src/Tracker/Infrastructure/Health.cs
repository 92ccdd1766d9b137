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

/// <summary>What the health endpoints answer.</summary>
public sealed record HealthReportView(string Status, string? Detail);

/// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
public static class HealthEndpoints
{
    /// <summary>Registers the readiness check.</summary>
    public static IServiceCollection AddTrackerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
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
                return report.Status == HealthStatus.Healthy
                    ? Results.Ok(new HealthReportView("ready", detail))
                    : Results.Json(new HealthReportView("unavailable", detail), statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Ready").WithSummary("The database is reachable and the schema applied (503 otherwise)")
            .Produces<HealthReportView>().Produces<HealthReportView>(503);
        return app;
    }
}
