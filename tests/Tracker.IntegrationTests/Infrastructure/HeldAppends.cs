using Marten;
using Npgsql;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>
/// Holds back every append to the event store while it is held: a transaction of the test's own locks the events table
/// against writes (reads go on), so a long-running write such as the OGP import waits at its first commit, where a test
/// can watch its progress. Disposing ends the transaction and the writes go on.
/// </summary>
public sealed class HeldAppends : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private HeldAppends(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    /// <summary>Takes the lock on <paramref name="store"/>'s events table over <paramref name="connectionString"/>.</summary>
    public static async Task<HeldAppends> HoldAsync(IDocumentStore store, string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        // SHARE ROW EXCLUSIVE conflicts with the ROW EXCLUSIVE an INSERT takes, and with nothing a SELECT takes.
        await using var command = new NpgsqlCommand($"lock table {store.Options.Events.DatabaseSchemaName}.mt_events in share row exclusive mode", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new HeldAppends(connection, transaction);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _connection.DisposeAsync();
    }
}
