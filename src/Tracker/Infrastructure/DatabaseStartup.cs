using Marten;
using Npgsql;

namespace Tracker.Infrastructure;

/// <summary>
/// Runs before Marten's and Wolverine's own start-up (it is registered first): waits, with Polly, until
/// PostgreSQL answers, then applies Tracker's schema, retrying transient failures. A database that is still
/// booting delays start-up instead of crashing it. Instances started together apply the schema one at a time.
/// </summary>
public sealed class DatabaseStartup(IConfiguration configuration, IServiceProvider services, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    /// <summary>The advisory lock held while the schema is applied (the daemon's is 4,242,001, the import's 4,242,002).</summary>
    public const long SchemaLockId = 4_242_003;

    /// <summary>True once the schema has been applied; <c>/health/ready</c> reports it.</summary>
    public bool SchemaApplied { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromSeconds(configuration.GetValue("Tracker:StartupBudgetSeconds", 90));
        var pipeline = Resilience.StartupPipeline(logger, budget);
        var connectionString = TrackerDatabase.ConnectionString(configuration);

        var inPlace = !ApplySchemaOnStartup(configuration);
        // Waits until PostgreSQL answers; a schema taken as in place is checked on the same connection, not blindly
        // trusted: a database without Tracker's event table stops the start-up, saying why.
        var eventTableFound = await pipeline.ExecuteAsync(async ct =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            if (!inPlace) return true;
            await using var check = new NpgsqlCommand($"select to_regclass('{TrackerDatabase.Schema}.mt_events') is not null", connection);
            return (bool)(await check.ExecuteScalarAsync(ct))!;
        }, cancellationToken);

        if (inPlace)
        {
            if (!eventTableFound)
                throw new InvalidOperationException($"Tracker:Database:ApplySchemaOnStartup is false, but the database has no {TrackerDatabase.Schema}.mt_events: " +
                    "apply the schema first (start one instance with the setting true).");
            SchemaApplied = true;
            logger.LogInformation("Database ready; schema {Schema} taken as in place (Tracker:Database:ApplySchemaOnStartup is false)", TrackerDatabase.Schema);
            return;
        }

        var store = services.GetRequiredService<IDocumentStore>();
        await pipeline.ExecuteAsync(async ct =>
        {
            // Two instances meeting a new database would run the same DDL at once, and one fails its start-up (42P07
            // "relation already exists", starting_two_hosts_on_a_new_database): under a session lock one applies the
            // schema while the others wait, then find nothing left to change.
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using (var take = new NpgsqlCommand($"select pg_advisory_lock({SchemaLockId})", connection))
                await take.ExecuteNonQueryAsync(ct);
            try
            {
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            }
            finally
            {
                await using var release = new NpgsqlCommand($"select pg_advisory_unlock({SchemaLockId})", connection);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }, cancellationToken);
        SchemaApplied = true;
        logger.LogInformation("Database ready and schema {Schema} applied", TrackerDatabase.Schema);
    }

    /// <summary>
    /// <c>Tracker:Database:ApplySchemaOnStartup</c> (default true). False for an instance whose database already holds the
    /// schema of this build (applied by a migration step, or copied from a template): it starts without DDL, and neither
    /// Marten nor Wolverine compares the schema at start-up or at first use.
    /// </summary>
    public static bool ApplySchemaOnStartup(IConfiguration configuration) => configuration.GetValue("Tracker:Database:ApplySchemaOnStartup", true);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
