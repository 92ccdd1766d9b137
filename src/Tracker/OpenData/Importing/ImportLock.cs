using Npgsql;
using Tracker.Infrastructure;

namespace Tracker.OpenData.Importing;

/// <summary>
/// The one-import-at-a-time lock: a PostgreSQL session-level advisory lock, held for the whole import and released
/// when it ends, whatever the outcome. The lock belongs to the server session, not to the .NET connection object, so it
/// lives on its own unpooled connection: a pooled one would go back to the pool still holding it (Npgsql resets a
/// session only when the connection is next used), and every other instance or the <c>import-ogp</c> verb would be
/// refused until then.
/// </summary>
public sealed class ImportLock : IAsyncDisposable
{
    /// <summary>The advisory lock key.</summary>
    public const long LockId = 4_242_002;
    private readonly NpgsqlConnection _connection;

    private ImportLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Takes the lock, or refuses with 409 <c>import.running</c> while another import holds it.</summary>
    public static async Task<ImportLock> AcquireAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Multiplexing = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand($"select pg_try_advisory_lock({LockId})", connection);
            if (await take.ExecuteScalarAsync(ct) is true) return new ImportLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        throw new TrackerRuleBroken("import.running", "Another import is running; try again when it has finished.", RuleKind.Conflict);
    }

    /// <summary>Releases the lock and closes its session; closing alone would release it too, should the unlock fail.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Not the import's token: a cancelled import must still let go of the lock.
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({LockId})", _connection);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // A broken connection holds no lock once its session is gone, which closing it below ensures.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
