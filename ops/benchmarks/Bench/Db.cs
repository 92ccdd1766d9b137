using Npgsql;

namespace Bench;

public static class Db
{
    public static async Task<string> Create(string admin, string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId}";
        await using var db = new NpgsqlConnection(admin);
        await db.OpenAsync();
        await Execute(db, $"drop database if exists \"{name}\" with (force)");
        await Execute(db, $"create database \"{name}\"");
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 100 }.ConnectionString;
    }

    public static async Task Drop(string admin, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var db = new NpgsqlConnection(admin);
        await db.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Execute(db, $"drop database if exists \"{new NpgsqlConnectionStringBuilder(database).Database}\" with (force)");
                return;
            }
            // An autovacuum worker (after the seed or an import) runs as the superuser, so PostgreSQL 15 refuses the bench
            // role's forced drop ("must be a member of the role whose process is being terminated"); the worker ends in time.
            catch (PostgresException vacuum) when (vacuum.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    public static async Task Execute(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> Scalar(string database, string sql)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> List<T>(string database, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }

    /// <summary>The version and the settings that decide durability and memory.</summary>
    public static async Task<string> Settings(string database)
    {
        var settings = await List(database, """
            select name || '=' || setting || coalesce(unit, '') from pg_settings
            where name in ('fsync','synchronous_commit','full_page_writes','wal_level','shared_buffers','work_mem','max_connections','effective_io_concurrency','checkpoint_timeout','max_wal_size')
            order by name
            """, r => r.GetString(0));
        var version = await List(database, "select version()", r => r.GetString(0));
        return $"{version[0]}; {string.Join(", ", settings)}";
    }

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return $"{cpu ?? "unknown CPU"}, {memory ?? "unknown memory"}, load average {load} at start";
    }
}
