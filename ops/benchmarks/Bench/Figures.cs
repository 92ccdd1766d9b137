using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Bench;

/// <summary>The loopback HTTP driver: progress reports and reads against the child Tracker.</summary>
public sealed class Load(string url, Tokens tokens, IReadOnlyList<SeededPlan> plans)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
    private readonly SeededMilestone[] _targets = plans.SelectMany(p => p.Milestones).ToArray();

    public HttpClient Http => _http;
    public IReadOnlyList<SeededPlan> Plans => plans;
    public SeededMilestone Random() => _targets[System.Random.Shared.Next(_targets.Length)];
    public Tokens Tokens => tokens;

    private static readonly string Body = """
        {"level":"Substantial","percent":60,"narrative":"Sixty percent of the contracts above the threshold are published with their amendments.",
         "evidence":[{"title":"Contract register","url":"https://contracts.example.org/register","visibility":"Public"}]}
        """;

    /// <summary>One progress report without If-Match; the status and the client's milliseconds.</summary>
    public async Task<(int Status, double Ms)> Report(SeededMilestone target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/milestones/{target.Id}/progress")
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Ministry(target.InstitutionId));
        var watch = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, watch.Elapsed.TotalMilliseconds);
    }

    public async Task<(int Status, double Ms, long Bytes)> Get(string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, watch.Elapsed.TotalMilliseconds, body.Length);
    }

    /// <summary><paramref name="clients"/> closed-loop clients for <paramref name="seconds"/>: statuses counted.</summary>
    public async Task<Dictionary<int, int>> Closed(int clients, double seconds, Func<SeededMilestone> pick)
    {
        var counts = new Dictionary<int, int>();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                var (status, _) = await Report(pick());
                lock (counts) counts[status] = counts.GetValueOrDefault(status) + 1;
            }
        }));
        return counts;
    }
}

/// <summary>The raw-Npgsql baselines: the same unit of work with nothing of Tracker's in between.</summary>
public static class Raw
{
    private const string Event = """{"milestoneId":"00000000-0000-0000-0000-000000000000","level":"substantial","percent":60,"narrative":"Sixty percent of the contracts above the threshold are published with their amendments.","evidence":[{"title":"Contract register","url":"https://contracts.example.org/register","visibility":"public"}],"asOf":"2026-12-01","reportedBy":"bench-ministry"}""";
    public const int Streams = 100_000;

    public static async Task Ensure(string database)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        await Db.Execute(db, $"""
            create schema if not exists bench_raw;
            create table if not exists bench_raw.streams (id int primary key, version int not null);
            create table if not exists bench_raw.events (seq bigserial primary key, stream_id int not null, version int not null, data jsonb not null,
              created timestamptz not null default now(), unique (stream_id, version));
            insert into bench_raw.streams select g, 0 from generate_series(1, {Streams}) g on conflict do nothing;
            """);
    }

    /// <summary>One transaction per request: lock the stream row, insert the event, update the version.</summary>
    public static async Task<int> Transactions(string database, int clients, double seconds)
    {
        var done = 0;
        var until = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            await using var db = new NpgsqlConnection(database);
            await db.OpenAsync();
            while (DateTime.UtcNow < until)
            {
                await Append(db, System.Random.Shared.Next(1, Streams + 1));
                Interlocked.Increment(ref done);
            }
        }));
        return done;
    }

    public static async Task Append(NpgsqlConnection db, int stream)
    {
        await using var tx = await db.BeginTransactionAsync();
        await using var select = new NpgsqlCommand("select version from bench_raw.streams where id = $1 for update", db, tx) { Parameters = { new() { Value = stream } } };
        var version = (int)(await select.ExecuteScalarAsync())! + 1;
        await using var insert = new NpgsqlCommand("insert into bench_raw.events (stream_id, version, data) values ($1, $2, $3::jsonb)", db, tx)
        {
            Parameters = { new() { Value = stream }, new() { Value = version }, new() { Value = Event } },
        };
        await insert.ExecuteNonQueryAsync();
        await using var update = new NpgsqlCommand("update bench_raw.streams set version = $2 where id = $1", db, tx) { Parameters = { new() { Value = stream }, new() { Value = version } } };
        await update.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    /// <summary>Raw INSERT + COMMIT latencies, one client.</summary>
    public static async Task<List<double>> InsertLatencies(string database, int count)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        var ms = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var tx = await db.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("insert into bench_raw.events (stream_id, version, data) values ($1, $2, $3::jsonb)", db, tx)
            {
                Parameters = { new() { Value = -1 } , new() { Value = System.Random.Shared.Next() }, new() { Value = Event } },
            };
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ms;
    }

    /// <summary>Raw SELECT of one document by id, one client.</summary>
    public static async Task<List<double>> SelectLatencies(string database, string table, IReadOnlyList<Guid> ids, int count)
    {
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        var ms = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var select = new NpgsqlCommand($"select data from tracker.{table} where id = $1", db) { Parameters = { new() { Value = ids[i % ids.Count] } } };
            await using (var reader = await select.ExecuteReaderAsync())
                while (await reader.ReadAsync()) _ = reader.GetString(0);
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ms;
    }
}

/// <summary>The rows measured against the child Tracker.</summary>
public static class Figures
{
    private const int Runs = 3;
    private const int Clients = 16;

    /// <summary>Progress reports/s over HTTP, 16 clients, beside raw transactions/s; returns Tracker's median.</summary>
    public static async Task<double> Throughput(Load load, string database, int seconds, Table table, bool record)
    {
        await Raw.Ensure(database);
        await load.Closed(Clients, 3, load.Random); // warm-up: code generation, pools, caches
        await Raw.Transactions(database, Clients, 1);
        var tracker = new List<double>();
        var raw = new List<double>();
        var refused = 0;
        for (var run = 0; run < Runs; run++)
        {
            var counts = await load.Closed(Clients, seconds, load.Random);
            refused += counts.Where(c => c.Key != 200).Sum(c => c.Value);
            tracker.Add(counts.GetValueOrDefault(200) / (double)seconds);
            raw.Add(await Raw.Transactions(database, Clients, seconds) / (double)seconds);
        }
        var note = $"runs {string.Join(" / ", tracker.Select(t => t.ToString("0")))} vs {string.Join(" / ", raw.Select(t => t.ToString("0")))}; {refused} non-200";
        if (record) table.Add("progress reports/s over HTTP, 16 clients", Stats.Median(tracker), Stats.Median(raw), "≥ 0.5", true, note);
        else Console.WriteLine($"  throughput with a tenth of the store: {Stats.Median(tracker):0} vs {Stats.Median(raw):0} ({note})");
        return Stats.Median(tracker);
    }

    /// <summary>16 clients without If-Match on 8 milestones: the server must retry lost races, never answer 409.</summary>
    public static async Task Contention(Load load, int seconds, Table table)
    {
        var few = Enumerable.Range(0, 8).Select(_ => load.Random()).ToArray();
        var counts = await load.Closed(Clients, seconds, () => few[System.Random.Shared.Next(few.Length)]);
        var all = counts.Values.Sum();
        table.AddPlain("answers other than 200 to reports without If-Match, 16 clients on 8 milestones (%)", 100.0 * (all - counts.GetValueOrDefault(200)) / all,
            "0", $"{all} reports in {seconds} s: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} × {c.Key}"))}");
    }

    /// <summary>One client's append latency p95 beside raw INSERT + COMMIT p95.</summary>
    public static async Task AppendLatency(Load load, string database, int requests, Table table)
    {
        for (var i = 0; i < 20; i++) await load.Report(load.Random());
        await Raw.InsertLatencies(database, 20);
        var tracker = new List<double>();
        var raw = new List<double>();
        var p50 = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var ms = new List<double>();
            for (var i = 0; i < requests; i++) ms.Add((await load.Report(load.Random())).Ms);
            tracker.Add(Stats.Percentile(ms, 0.95));
            p50.Add(Stats.Median(ms));
            raw.Add(Stats.Percentile(await Raw.InsertLatencies(database, requests), 0.95));
        }
        table.Add("append latency p95, one client (ms)", Stats.Median(tracker), Stats.Median(raw), "≤ 2×", false,
            $"Tracker p50 {Stats.Median(p50):0.0} ms; {requests} requests a run");
    }

    /// <summary>?asOf reads and appends on streams of 10, 100 and 1,000 events.</summary>
    public static async Task StreamLength(Load load, (Guid Short, Guid Medium, Guid Long, Guid Institution) streams, int requests, Table table)
    {
        var asOf = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        async Task<double> Read(string path)
        {
            for (var i = 0; i < 5; i++) await load.Get(path);
            var medians = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                var ms = new List<double>();
                for (var i = 0; i < requests / 2; i++)
                {
                    var (status, elapsed, _) = await load.Get(path);
                    if (status != 200) throw new InvalidOperationException($"GET {path}: {status}");
                    ms.Add(elapsed);
                }
                medians.Add(Stats.Median(ms));
            }
            return Stats.Median(medians);
        }
        var current = await Read($"/api/milestones/{streams.Long}");
        var past = await Read($"/api/milestones/{streams.Long}?asOf={asOf}");
        var past100 = await Read($"/api/milestones/{streams.Medium}?asOf={asOf}");
        var past10 = await Read($"/api/milestones/{streams.Short}?asOf={asOf}");
        table.Add("?asOf read of a 1,000-event stream, p50 (ms)", past, current, "≤ 10×", false,
            $"baseline: the current read of it; ?asOf on 10 / 100 / 1,000 events: {past10:0.0} / {past100:0.0} / {past:0.0} ms");

        var shortTarget = new SeededMilestone(streams.Short, streams.Institution);
        var longTarget = new SeededMilestone(streams.Long, streams.Institution);
        for (var i = 0; i < 10; i++) { await load.Report(shortTarget); await load.Report(longTarget); }
        var onLong = new List<double>();
        var onShort = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var l = new List<double>();
            var s = new List<double>();
            for (var i = 0; i < requests / 2; i++)
            {
                l.Add((await load.Report(longTarget)).Ms);
                s.Add((await load.Report(shortTarget)).Ms);
            }
            onLong.Add(Stats.Median(l));
            onShort.Add(Stats.Median(s));
        }
        table.Add("append latency on a stream of 1,000 events, p50 (ms)", Stats.Median(onLong), Stats.Median(onShort), "≤ 1.2×", false,
            "baseline: the same on a stream of 10 (both grow by the appends measured)");
    }

    /// <summary>Commitment page and plan dashboard JSON, p50 / p95, beside a raw SELECT of one document.</summary>
    public static async Task Reads(Load load, string database, IReadOnlyList<SeededPlan> plans, int requests, Table table)
    {
        var commitments = await Db.List(database, "select id, data->>'code' from tracker.mt_doc_commitment order by id limit 50", r => (r.GetGuid(0), r.GetString(1)));
        var dashboards = plans.Take(50).Select(p => p.PlanId).ToList();
        var dashboardTable = (await Db.List(database, "select table_name from information_schema.tables where table_schema = 'tracker' and table_name like 'mt_doc_%dashboard%'", r => r.GetString(0))).First();
        // The floor of any read over HTTP here: a constant answer (GET /health/live), no database, through the same client.
        for (var i = 0; i < 20; i++) await load.Get("/health/live");
        var floor = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var ms = new List<double>();
            for (var i = 0; i < requests; i++)
            {
                var (status, elapsed, _) = await load.Get("/health/live");
                if (status != 200) throw new InvalidOperationException($"GET /health/live: {status}");
                ms.Add(elapsed);
            }
            floor.Add(Stats.Median(ms));
        }
        var floorNote = $"HTTP floor (GET /health/live, no database) p50 {Stats.Median(floor):0.00} ms";
        foreach (var (what, paths, rawTable, ids) in new[]
                 {
                     ("commitment page", commitments.Select(c => $"/api/commitments/{c.Item2}").ToList(), "mt_doc_commitment", commitments.Select(c => c.Item1).ToList()),
                     ("plan dashboard", dashboards.Select(id => $"/api/plans/{id}/dashboard").ToList(), dashboardTable, dashboards),
                 })
        {
            for (var i = 0; i < 20; i++) await load.Get(paths[i % paths.Count]);
            await Raw.SelectLatencies(database, rawTable, ids, 20);
            var p50 = new List<double>();
            var p95 = new List<double>();
            var raw50 = new List<double>();
            var raw95 = new List<double>();
            long bytes = 0;
            for (var run = 0; run < Runs; run++)
            {
                var ms = new List<double>();
                for (var i = 0; i < requests; i++)
                {
                    var (status, elapsed, size) = await load.Get(paths[i % paths.Count]);
                    if (status != 200) throw new InvalidOperationException($"GET {paths[i % paths.Count]}: {status}");
                    ms.Add(elapsed);
                    bytes = size;
                }
                p50.Add(Stats.Median(ms));
                p95.Add(Stats.Percentile(ms, 0.95));
                var raw = await Raw.SelectLatencies(database, rawTable, ids, requests);
                raw50.Add(Stats.Median(raw));
                raw95.Add(Stats.Percentile(raw, 0.95));
            }
            table.Add($"{what} JSON read p50 (ms)", Stats.Median(p50), Stats.Median(raw50), "≤ 2×", false, $"raw: SELECT data FROM {rawTable} by id; {bytes:N0} bytes a page; {floorNote}");
            table.Add($"{what} JSON read p95 (ms)", Stats.Median(p95), Stats.Median(raw95), "≤ 3×", false, "");
        }
    }

    /// <summary>
    /// Async projection lag at half the peak write rate: paced reports while a poller (every 10 ms) notes when each new
    /// high sequence appears and when the dashboards' progression passes it.
    /// </summary>
    public static async Task AsyncLag(Load load, string database, double peak, int seconds, Table table)
    {
        var rate = Math.Max(1, peak / 2);
        var p95s = new List<double>();
        var count = 0;
        for (var run = 0; run < Runs; run++)
        {
            using var stop = new CancellationTokenSource();
            var lags = new List<double>();
            var poller = Task.Run(async () =>
            {
                await using var db = new NpgsqlConnection(database);
                await db.OpenAsync();
                var seen = new Queue<(long Seq, long Ticks)>();
                long last = 0;
                while (!stop.IsCancellationRequested || seen.Count > 0)
                {
                    await using var command = new NpgsqlCommand("""
                        select (select coalesce(max(seq_id), 0) from tracker.mt_events),
                               (select coalesce(min(last_seq_id), 0) from tracker.mt_event_progression where name like 'PlanDashboard%')
                        """, db);
                    await using (var reader = await command.ExecuteReaderAsync())
                    {
                        await reader.ReadAsync();
                        var (high, done) = (reader.GetInt64(0), reader.GetInt64(1));
                        var now = Stopwatch.GetTimestamp();
                        if (high > last) { seen.Enqueue((high, now)); last = high; }
                        while (seen.Count > 0 && seen.Peek().Seq <= done) lags.Add(Stopwatch.GetElapsedTime(seen.Dequeue().Ticks, now).TotalMilliseconds);
                    }
                    if (stop.IsCancellationRequested && seen.Count > 0 && Stopwatch.GetElapsedTime(seen.Peek().Ticks).TotalSeconds > 30) break;
                    await Task.Delay(10);
                }
            });
            const int workers = 8;
            var interval = TimeSpan.FromSeconds(workers / rate);
            var until = DateTime.UtcNow.AddSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
            {
                await Task.Delay(interval * w / workers);
                while (DateTime.UtcNow < until)
                {
                    var next = Task.Delay(interval);
                    await load.Report(load.Random());
                    await next;
                }
            }));
            await stop.CancelAsync();
            await poller;
            p95s.Add(Stats.Percentile(lags, 0.95));
            count += lags.Count;
        }
        table.AddPlain("async projection (plan dashboards) lag p95 at half the peak write rate (ms)", Stats.Median(p95s), "< 250",
            $"{rate:0} reports/s paced; {count} sequence marks polled every 10 ms; runs {string.Join(" / ", p95s.Select(p => p.ToString("0")))}");
    }
}
