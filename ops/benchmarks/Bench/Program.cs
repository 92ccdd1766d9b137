// Tracker beside raw PostgreSQL, in one run (issue 14). Usage (what `make bench` runs):
//   dotnet run -c Release -- --connection CONN --tracker path/to/Tracker.dll --sample ogp-commitments-sample.csv [--quick 1]
// Seeds a scratch database (dropped at the end) through the slices' decisions, then measures each row of the table
// against its raw-Npgsql baseline in this same process, alternating, the median of three runs after a discarded warm-up.
// Durability stays as the server has it (fsync, synchronous_commit are printed with the table).
using System.Diagnostics;
using System.Globalization;
using Marten;
using Npgsql;

namespace Bench;

public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Args(args);
        var admin = options["--connection"];
        var trackerDll = Path.GetFullPath(options["--tracker"]);
        var sample = Path.GetFullPath(options["--sample"]);
        var quick = options.GetValueOrDefault("--quick", "0") is "1" or "true";
        var members = quick ? 5 : 125;            // × 8 plans: 40 or 1,000 plans
        var firstMembers = quick ? 1 : 5;         // the first phase: 8 or 40 plans (the rebuild rows run on it)
        var seconds = quick ? 4 : 10;              // each throughput run
        var requests = quick ? 60 : 200;           // each latency run
        var importRows = quick ? 1000 : 5000;
        // TEN_MILLION=1: after the 1M-event rows, 9M more events (1,250 members' plans) and the write throughput again.
        // Not in the default run: the seed alone takes 6–10 min here, beyond the 20-minute budget with the rest.
        var tenMillion = !quick && options.GetValueOrDefault("--ten-million", "0") is "1" or "true";
        var total = Stopwatch.StartNew();

        var database = await Db.Create(admin, "tracker_bench");
        var table = new Table();
        try
        {
            Console.WriteLine($"# Tracker bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " (QUICK)" : "")}: {Environment.ProcessorCount} cores, {Db.Machine()}, .NET {Environment.Version}");
            Console.WriteLine($"# PostgreSQL: {await Db.Settings(database)}");

            // Phase 1: a small store; the rebuild row and the write throughput it gives.
            Tokens tokens;
            Seeder first;
            await using (var host = new InProcessTracker(database))
            {
                first = new Seeder(host.Store);
                await host.PauseDaemonAsync();
                var watch = Stopwatch.StartNew();
                await first.SeedMembersAsync(0, firstMembers);
                await InProcessTracker.MarkProjectedAsync(database);
                Console.WriteLine($"# seeded {first.Plans.Count} plans, {first.Events:N0} events in {watch.Elapsed.TotalSeconds:0.0} s ({first.Events / watch.Elapsed.TotalSeconds:N0} events/s)");
                tokens = new Tokens(host);
                await Rebuild.Measure(host, database, table);
            }
            var smallStore = await Db.Scalar(database, "select count(*) from tracker.mt_events");

            double small;
            await using (var api = await ChildTracker.Start(trackerDll, database, Tokens.SigningKey))
            {
                var load = new Load(api.Url, tokens, first.Plans);
                small = await Figures.Throughput(load, database, seconds, table, record: false);
            }

            // Phase 2: the rest of the store, and three milestones of 10, 100 and 1,000 events.
            (Guid Short, Guid Medium, Guid Long, Guid Institution) streams = default;
            var rest = await SeedMoreAsync(database, firstMembers, members, async seeder => streams = await seeder.SeedLongStreamsAsync(first.Plans[0]));
            var largeStore = await Db.Scalar(database, "select count(*) from tracker.mt_events");
            Console.WriteLine($"# store: {largeStore:N0} events, {await Db.Scalar(database, "select count(*) from tracker.mt_streams"):N0} streams");

            await using (var api = await ChildTracker.Start(trackerDll, database, Tokens.SigningKey))
            {
                var plans = first.Plans.Concat(rest.Plans).ToList();
                var load = new Load(api.Url, tokens, plans);
                var large = await Figures.Throughput(load, database, seconds, table, record: true);
                table.Add("write throughput, whole store vs small store (reports/s)", large, small, "≥ 0.85", higherIsBetter: true,
                    $"{largeStore:N0} events vs {smallStore:N0}{(tenMillion ? "" : "; 10M: TEN_MILLION=1 (docs)")}");
                await Figures.Contention(load, seconds, table);
                await Figures.AppendLatency(load, database, requests, table);
                await Figures.StreamLength(load, streams, requests, table);
                await Figures.Reads(load, database, plans, requests, table);
                await Figures.AsyncLag(load, database, large, seconds, table);
                table.AddPlain("peak memory of the API under the 16-client load (MB)", api.PeakMegabytes(), "≤ 300", $"VmHWM of the child process; RSS at the end {api.GcNote()}");
                table.AddPlain("error-level log lines during the run", api.ErrorLines, "0 refusals", $"{api.WarningLines} warnings; first error: {api.FirstError ?? "none"}");
            }

            if (tenMillion)
            {
                var more = await SeedMoreAsync(database, members, members * 10);
                var hugeStore = await Db.Scalar(database, "select count(*) from tracker.mt_events");
                Console.WriteLine($"# store: {hugeStore:N0} events, database {await Db.Scalar(database, "select pg_database_size(current_database()) / 1048576"):N0} MB");
                await using var api = await ChildTracker.Start(trackerDll, database, Tokens.SigningKey);
                var load = new Load(api.Url, tokens, first.Plans.Concat(rest.Plans).Concat(more.Plans).ToList());
                var huge = await Figures.Throughput(load, database, seconds, table, record: false);
                table.Add("write throughput, 10M-event store vs small store (reports/s)", huge, small, "≥ 0.85", higherIsBetter: true,
                    $"{hugeStore:N0} events vs {smallStore:N0}");
            }

            await Import.Measure(admin, trackerDll, sample, importRows, table);
        }
        finally
        {
            await Db.Drop(admin, database);
        }
        Console.WriteLine();
        table.Print();
        Console.WriteLine();
        Console.WriteLine($"# total {total.Elapsed.TotalMinutes:0.0} min");
        return 0;
    }

    // Members [from, to) with their plans, through the slices' decisions and Marten's COPY paths, the daemon paused and
    // its progression then marked; alsoSeed adds streams inside the same timing.
    static async Task<Seeder> SeedMoreAsync(string database, int fromMember, int toMember, Func<Seeder, Task>? alsoSeed = null)
    {
        await using var host = new InProcessTracker(database);
        var seeder = new Seeder(host.Store);
        await host.PauseDaemonAsync();
        var watch = Stopwatch.StartNew();
        await seeder.SeedMembersAsync(fromMember, toMember);
        if (alsoSeed is not null) await alsoSeed(seeder);
        await InProcessTracker.MarkProjectedAsync(database);
        Console.WriteLine($"# seeded {seeder.Plans.Count} more plans, {seeder.Events:N0} events in {watch.Elapsed.TotalSeconds:0.0} s ({seeder.Events / watch.Elapsed.TotalSeconds:N0} events/s)");
        return seeder;
    }

    static Dictionary<string, string> Args(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) map[args[i]] = args[i + 1];
        foreach (var required in new[] { "--connection", "--tracker", "--sample" })
            if (!map.ContainsKey(required))
                throw new ArgumentException($"usage: Bench --connection CONN --tracker Tracker.dll --sample ogp.csv [--quick 1] (missing {required})");
        return map;
    }
}

/// <summary>The one table: each Tracker figure beside its baseline and the ratio, with the target.</summary>
public sealed class Table
{
    private readonly List<string[]> _rows = [];

    public void Add(string measure, double tracker, double baseline, string target, bool higherIsBetter, string note)
    {
        var ratio = baseline == 0 ? double.NaN : tracker / baseline;
        _rows.Add([measure, Fmt(tracker), Fmt(baseline), $"{ratio:0.00}", target, note]);
        Console.WriteLine($"  {measure}: {Fmt(tracker)} vs {Fmt(baseline)} = {ratio:0.00} ({note})");
    }

    public void AddPlain(string measure, double tracker, string target, string note)
    {
        _rows.Add([measure, Fmt(tracker), "—", "—", target, note]);
        Console.WriteLine($"  {measure}: {Fmt(tracker)} ({note})");
    }

    public void Print()
    {
        Console.WriteLine("| measure | Tracker | baseline (same run) | ratio | target | note |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- | --- |");
        foreach (var row in _rows) Console.WriteLine($"| {string.Join(" | ", row)} |");
    }

    private static string Fmt(double value) => value switch
    {
        double.NaN => "—",
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}

public static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
