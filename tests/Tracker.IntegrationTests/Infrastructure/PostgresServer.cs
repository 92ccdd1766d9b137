using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server of a test run: a Testcontainers container where a Docker engine answers, otherwise the
/// server named by TRACKER_TEST_DB (which <c>make test</c> prepares). Each test class gets its own database on it.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Admin = new(StartAsync);
    private static int _databases;

    /// <summary>
    /// Creates a database for one test class and returns its connection string: empty, or a copy of
    /// <paramref name="template"/> (a database nobody is connected to).
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string owner, string? template = null)
    {
        var admin = await Admin.Value;
        var name = $"t_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{new string(owner.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            var copy = template is null ? "" : $" template \"{template}\"";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var create = new NpgsqlCommand($"create database \"{name}\"{copy}", connection);
                    await create.ExecuteNonQueryAsync();
                    break;
                }
                // A template is "being accessed by other users" while another class's copy of it is being made.
                catch (PostgresException busy) when (busy.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt));
                }
            }
            // A test database need not survive a crash of the server: its commits do not wait for the WAL to reach the
            // disk (the server and every other database keep full durability; the chaos suite tests that on its own cluster).
            await using var fast = new NpgsqlCommand($"alter database \"{name}\" set synchronous_commit = off", connection);
            await fast.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20 };
        // On loopback TLS only encrypts what never leaves the machine, at about 4% of the suite's CPU.
        if (database.Host is "127.0.0.1" or "localhost" or "::1") database.SslMode = SslMode.Disable;
        return database.ConnectionString;
    }

    /// <summary>
    /// Empties every table of <paramref name="connectionString"/>'s database, keeping the schema: what a host recorded
    /// about itself (its node, the daemon's progress) is not copied with the schema. Leaves no connection open.
    /// </summary>
    public static async Task KeepOnlyTheSchemaAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var truncate = new NpgsqlCommand("""
                do $$ declare t record; begin
                  for t in select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') loop
                    execute format('truncate %I.%I cascade', t.schemaname, t.tablename);
                  end loop;
                end $$
                """, connection);
            await truncate.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// Drops a test class's database, even while a host that is shutting down (or the async daemon) still holds
    /// connections: new connections are refused first, so none can slip in between the forced drop's termination of
    /// the old ones and the drop itself; a drop that still meets one is tried again.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await Admin.Value);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var refuse = new NpgsqlCommand($"alter database \"{name}\" allow_connections false", connection);
                await refuse.ExecuteNonQueryAsync();
                await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException gone) when (gone.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                return;
            }
            catch (PostgresException busy) when (busy.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
            // An autovacuum worker (after a large import) runs as the superuser, so PostgreSQL 15 refuses the test role's
            // forced drop ("must be a member of the role whose process is being terminated"); the worker ends in moments.
            catch (PostgresException vacuum) when (vacuum.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
        }
    }

    private static async Task<string> StartAsync()
    {
        if (await DockerAnswersAsync())
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }
        return Environment.GetEnvironmentVariable("TRACKER_TEST_DB") is { Length: > 0 } local
            ? local
            : throw new InvalidOperationException(
                "No Docker engine answers and TRACKER_TEST_DB is not set: run the tests with `make test`, which prepares a local PostgreSQL.");
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (host is { Length: > 0 } && !host.StartsWith("unix://", StringComparison.Ordinal)) return true;
        var path = host is { Length: > 0 } ? host["unix://".Length..] : "/var/run/docker.sock";
        if (!File.Exists(path)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
