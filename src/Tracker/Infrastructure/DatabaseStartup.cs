using Marten;
using Npgsql;

namespace Tracker.Infrastructure;

/// <summary>
/// Runs before Marten's and Wolverine's own start-up (it is registered first): waits, with Polly, until
/// PostgreSQL answers, then applies Tracker's schema, retrying transient failures. A database that is still
/// booting delays start-up instead of crashing it.
/// </summary>
public sealed class DatabaseStartup(IConfiguration configuration, IServiceProvider services, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    /// <summary>True once the schema has been applied; <c>/health/ready</c> reports it.</summary>
    public bool SchemaApplied { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromSeconds(configuration.GetValue("Tracker:StartupBudgetSeconds", 90));
        var pipeline = Resilience.StartupPipeline(logger, budget);
        var connectionString = TrackerDatabase.ConnectionString(configuration);

        await pipeline.ExecuteAsync(async ct =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
        }, cancellationToken);

        var store = services.GetRequiredService<IDocumentStore>();
        await pipeline.ExecuteAsync(async ct => await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(),
            cancellationToken);
        SchemaApplied = true;
        logger.LogInformation("Database ready and schema {Schema} applied", TrackerDatabase.Schema);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
