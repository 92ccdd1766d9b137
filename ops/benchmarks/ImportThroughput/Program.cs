// Import throughput: Tracker's OGP import of N commitments built from the OGP sample, against raw PostgreSQL
// writing the same rows. Usage (what `make bench-import` runs):
//   dotnet run -c Release -- --connection CONN --tracker path/to/Tracker.dll --sample path/to/ogp-commitments-sample.csv [--rows 5000]
// Each measurement runs in a fresh scratch database, dropped at the end.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

var options = Args(args);
var connection = options["--connection"];
var trackerDll = Path.GetFullPath(options["--tracker"]);
var samplePath = Path.GetFullPath(options["--sample"]);
var rows = int.Parse(options.GetValueOrDefault("--rows", "5000"), CultureInfo.InvariantCulture);

var work = Directory.CreateTempSubdirectory("bench-import-");
var file = Path.Combine(work.FullName, $"ogp-{rows}.csv");
var (header, records) = ScaledSample.Build(File.ReadAllText(samplePath), rows);
await File.WriteAllTextAsync(file, ScaledSample.Line(header) + string.Concat(records.Select(ScaledSample.Line)));
Console.WriteLine($"# {rows} commitments built from {Path.GetFileName(samplePath)} ({new FileInfo(file).Length / 1024} KiB)");
Console.WriteLine($"# machine: {Environment.ProcessorCount} cores, {Machine()}; .NET {Environment.Version}; PostgreSQL {await ServerVersion(connection)}");

var results = new List<(string Name, int Rows, double Seconds, string Note)>();

// Tracker: the real import-ogp verb of the application, as a user runs it (its own timing excludes process start-up).
var trackerDb = await CreateDatabase(connection, "bench_tracker");
try
{
    var first = await TrackerImport.RunAsync(trackerDll, trackerDb, file, Path.Combine(work.FullName, "report-first.json"));
    results.Add(("Tracker import-ogp (empty database)", rows, first.Seconds,
        $"{first.Taken} taken, {first.Refused} refused, {first.Events} events, one transaction per row"));
    var second = await TrackerImport.RunAsync(trackerDll, trackerDb, file, Path.Combine(work.FullName, "report-second.json"));
    results.Add(("Tracker import-ogp (same file again)", rows, second.Seconds, $"{second.AlreadyPresent} already present, {second.Events} events"));
}
finally
{
    await DropDatabase(connection, trackerDb);
}

// Raw PostgreSQL, same rows, same text cells, 171 text columns: the floor an import into PostgreSQL cannot beat.
var rawDb = await CreateDatabase(connection, "bench_raw");
try
{
    await using var db = new NpgsqlConnection(rawDb);
    await db.OpenAsync();
    var columns = string.Join(", ", header.Select((_, i) => $"c{i} text"));
    await Execute(db, $"create table by_row (id bigserial primary key, {columns}); create table by_copy (id bigserial primary key, {columns});");

    var watch = Stopwatch.StartNew();
    await using (var copy = await db.BeginTextImportAsync($"copy by_copy ({string.Join(", ", header.Select((_, i) => $"c{i}"))}) from stdin (format csv)"))
        foreach (var record in records) await copy.WriteAsync(ScaledSample.Line(record));
    results.Add(("PostgreSQL COPY, one statement", rows, watch.Elapsed.TotalSeconds, "171 text columns, no indexes but the key"));

    watch.Restart();
    var insert = $"insert into by_row ({string.Join(", ", header.Select((_, i) => $"c{i}"))}) values ({string.Join(", ", header.Select((_, i) => $"${i + 1}"))})";
    foreach (var record in records)
    {
        await using var transaction = await db.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(insert, db, transaction);
        foreach (var cell in record) command.Parameters.Add(new NpgsqlParameter { Value = cell });
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
    results.Add(("PostgreSQL INSERT, one transaction per row", rows, watch.Elapsed.TotalSeconds, "the same unit of work as Tracker's import"));
}
finally
{
    await DropDatabase(connection, rawDb);
    work.Delete(recursive: true);
}

Console.WriteLine();
Console.WriteLine("| what | rows | seconds | rows/s | note |");
Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
foreach (var (name, count, seconds, note) in results)
    Console.WriteLine($"| {name} | {count} | {seconds:0.00} | {count / seconds:0} | {note} |");
return 0;

static async Task<string> CreateDatabase(string connection, string prefix)
{
    var name = $"{prefix}_{Environment.ProcessId}";
    await using var admin = new NpgsqlConnection(connection);
    await admin.OpenAsync();
    await Execute(admin, $"drop database if exists {name} with (force)");
    await Execute(admin, $"create database {name}");
    return new NpgsqlConnectionStringBuilder(connection) { Database = name }.ConnectionString;
}

static async Task DropDatabase(string connection, string database)
{
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(connection);
    await admin.OpenAsync();
    await Execute(admin, $"drop database if exists {new NpgsqlConnectionStringBuilder(database).Database} with (force)");
}

static async Task Execute(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<string> ServerVersion(string connection)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    return db.PostgreSqlVersion.ToString();
}

static string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var memory = File.Exists("/proc/meminfo")
        ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    return $"{cpu ?? "unknown CPU"}, {memory ?? "unknown memory"}";
}

static Dictionary<string, string> Args(string[] args)
{
    var map = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2) map[args[i]] = args[i + 1];
    foreach (var required in new[] { "--connection", "--tracker", "--sample" })
        if (!map.ContainsKey(required))
            throw new ArgumentException($"usage: --connection CONN --tracker Tracker.dll --sample ogp-commitments-sample.csv [--rows 5000] (missing {required})");
    return map;
}
