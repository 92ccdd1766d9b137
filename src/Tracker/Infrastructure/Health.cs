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

/// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
public static class HealthEndpoints
{
    /// <summary>Registers the readiness check.</summary>
    public static IServiceCollection AddTrackerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Live answers while the process runs; ready only when the database is usable.</summary>
    public static IEndpointRouteBuilder MapTrackerHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") })
            .ExcludeFromDescription();
        return app;
    }
}
