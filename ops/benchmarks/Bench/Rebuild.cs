using System.Diagnostics;
using System.Globalization;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Milestones;
using Npgsql;
using NpgsqlTypes;
using System.Text.Json;

namespace Bench;

/// <summary>Projection rebuild (the milestone snapshots) beside a streamed read and deserialisation of the same events.</summary>
public static class Rebuild
{
    private const string MilestoneEvents = "mt_dotnet_type like 'Tracker.Milestones.%'";

    public static async Task Measure(InProcessTracker host, string database, Table table)
    {
        var events = await Db.Scalar(database, $"select count(*) from tracker.mt_events where {MilestoneEvents}");
        var serializer = host.Store.Options.Serializer();
        async Task<double> Read()
        {
            var watch = Stopwatch.StartNew();
            await using var db = new NpgsqlConnection(database);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand($"select mt_dotnet_type, data from tracker.mt_events where {MilestoneEvents} order by seq_id", db);
            await using var reader = await command.ExecuteReaderAsync();
            var types = new Dictionary<string, Type>();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (!types.TryGetValue(name, out var type)) types[name] = type = Type.GetType(name, throwOnError: true)!;
                _ = serializer.FromJson(type, reader, 1);
            }
            return events / watch.Elapsed.TotalSeconds;
        }
        async Task<double> Rebuilt()
        {
            var watch = Stopwatch.StartNew();
            var daemon = host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
            await daemon.RebuildProjectionAsync<Milestone>(TimeSpan.FromMinutes(10), CancellationToken.None);
            return events / watch.Elapsed.TotalSeconds;
        }
        // Warm-up: five rounds, not one. The daemon's per-batch code runs a handful of times a rebuild, so after one round
        // it is still unoptimised JIT code (rounds 1-3 measured 15k-31k events/s, then 35k-42k from the fifth on).
        for (var round = 0; round < 5; round++)
        {
            await Rebuilt();
            await Read();
        }
        var tracker = new List<double>();
        var raw = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            tracker.Add(await Rebuilt());
            raw.Add(await Read());
        }
        table.Add("projection rebuild, events/s (milestone snapshots)", Stats.Median(tracker), Stats.Median(raw), "≥ 0.3", true,
            $"{events:N0} milestone events; runs {string.Join(" / ", tracker.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}");
    }
}

/// <summary>The OGP import of N commitments (the real import-ogp verb) beside binary COPY of the same rows.</summary>
public static class Import
{
    public static async Task Measure(string admin, string dll, string samplePath, int rows, Table table)
    {
        var work = Directory.CreateTempSubdirectory("bench-");
        try
        {
            var file = Path.Combine(work.FullName, $"ogp-{rows}.csv");
            var (header, records) = ScaledSample.Build(await File.ReadAllTextAsync(samplePath), rows);
            await File.WriteAllTextAsync(file, ScaledSample.Line(header) + string.Concat(records.Select(ScaledSample.Line)));
            var tracker = new List<double>();
            var raw = new List<double>();
            string note = "";
            for (var run = 0; run < 3; run++)
            {
                var database = await Db.Create(admin, "tracker_bench_import");
                try
                {
                    var (taken, _, refused, events, seconds) = await TrackerImport.RunAsync(dll, database, file, Path.Combine(work.FullName, "report.json"));
                    tracker.Add(rows / seconds);
                    note = $"{taken} taken, {refused} refused, {events:N0} events";
                    raw.Add(rows / await Copy(database, header, records));
                }
                finally
                {
                    await Db.Drop(admin, database);
                }
            }
            table.Add($"OGP import, rows/s ({rows:N0} commitments)", Stats.Median(tracker), Stats.Median(raw), "≥ 0.1", true,
                $"{note}; runs {string.Join(" / ", tracker.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}; baseline binary COPY, {header.Length} text columns");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<double> Copy(string database, string[] header, List<string[]> records)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        var columns = string.Join(", ", header.Select((_, i) => $"c{i}"));
        await Db.Execute(db, $"create table by_copy (id bigserial primary key, {string.Join(", ", header.Select((_, i) => $"c{i} text"))})");
        var watch = Stopwatch.StartNew();
        await using (var copy = await db.BeginBinaryImportAsync($"copy by_copy ({columns}) from stdin (format binary)"))
        {
            foreach (var record in records)
            {
                await copy.StartRowAsync();
                foreach (var cell in record) await copy.WriteAsync(cell, NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        return watch.Elapsed.TotalSeconds;
    }

}
