// The fault suite (`make chaos`): each fault is injected under a logged load, then an oracle compares every
// acknowledged request in the log with the event store. Usage:
//   dotnet run -c Release -- --tracker path/to/Tracker.dll --pgbin /usr/lib/postgresql/15/bin
// Everything runs on a PostgreSQL cluster of the suite's own (temporary folder, free port), never the shared one.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a, x => x.i + 1 < args.Length ? args[x.i + 1] : "");
var trackerDll = Path.GetFullPath(options["--tracker"]);
var pgbin = options.GetValueOrDefault("--pgbin", "/usr/lib/postgresql/15/bin");
var logDir = Path.GetFullPath(options.GetValueOrDefault("--logs", "ops/chaos/logs"));
Directory.CreateDirectory(logDir);

Console.WriteLine($"# chaos: {Environment.ProcessorCount} cores; .NET {Environment.Version}; request timeout {Suite.RequestTimeoutSeconds} s; logs in {logDir}");
await using var cluster = await Cluster.CreateAsync(pgbin);
Console.WriteLine($"# throwaway PostgreSQL cluster on port {cluster.Port}");
var suite = new Suite(trackerDll, cluster, logDir)
{
    // Fault 4's size: the default keeps `make chaos` within minutes on two cores; docs/reliability.md has a larger run.
    CatchUpEvents = int.Parse(options.GetValueOrDefault("--catch-up-events", "20000"), CultureInfo.InvariantCulture),
    SamplePath = Path.GetFullPath(options.GetValueOrDefault("--sample", "src/Tracker/OpenData/Demo/ogp-commitments-sample.csv")),
};
var rows = new List<Row>();
var only = options.GetValueOrDefault("--only");
foreach (var fault in new Func<Task<Row>>[] { suite.DatabaseStoppedHard, suite.SixteenWritersOneVersion, suite.KilledBetweenCommitAndAnswer,
                 suite.DaemonKilledDuringCatchUp, suite.TwoApiProcesses }
             .Where((_, i) => only is null || only.Split(',').Contains((i + 1).ToString(CultureInfo.InvariantCulture))))
{
    try { rows.Add(await fault()); }
    catch (Exception e) { rows.Add(new Row(fault.Method.Name, 0, 0, 0, $"suite error: {e.GetType().Name}: {e.Message}", false)); }
    Console.WriteLine($"# {rows[^1].Fault}: {(rows[^1].Pass ? "pass" : "FAIL")}: {rows[^1].Outcome}");
}
suite.Dispose();

Console.WriteLine();
Console.WriteLine("| fault | requests sent | acknowledged | found | outcome | pass |");
Console.WriteLine("| --- | ---: | ---: | ---: | --- | --- |");
foreach (var row in rows)
    Console.WriteLine($"| {row.Fault} | {row.Sent} | {row.Acknowledged} | {row.Found} | {row.Outcome} | {(row.Pass ? "yes" : "**NO**")} |");
await File.WriteAllLinesAsync(Path.Combine(logDir, "requests.log"), suite.Log.Select(e => e.ToString()));
return rows.All(r => r.Pass) ? 0 : 1;

record Row(string Fault, int Sent, int Acknowledged, int Found, string Outcome, bool Pass);

/// <summary>One request as the load client saw it: what was sent, and what came back (status -1: no answer; -2: no answer within the client's patience).</summary>
record Entry(string Fault, string Key, string Method, string Path, int Status, string? Code, string? RetryAfter, string? ContentType, string? Id,
    bool Replayed, double StartedMs, double ElapsedMs)
{
    public bool Acknowledged => Status is >= 200 and < 300;
    public override string ToString() =>
        $"{Fault}\t{Key}\t{Method} {Path}\t{Status}\t{Code}\tretry-after={RetryAfter}\t{ContentType}\tid={Id}\treplayed={Replayed}\tt={StartedMs:0}ms\t{ElapsedMs:0}ms";
}

sealed partial class Suite(string trackerDll, Cluster cluster, string logDir) : IDisposable
{
    public const int RequestTimeoutSeconds = 10;
    public ConcurrentQueue<Entry> Log { get; } = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Api> _apis = [];
    private string? _adminToken;
    private Guid _member;

    private Api StartApi(string name, int port, IDictionary<string, string>? settings = null)
    {
        var api = Api.Start(trackerDll, cluster, name, port, logDir, settings);
        _apis.Add(api);
        return api;
    }

    private HttpClient Client(Api api, int patienceSeconds = RequestTimeoutSeconds + 5) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(2) })
    {
        BaseAddress = api.Url,
        // Patience: the server's own timeout and some; an answer later than this is a hang.
        Timeout = TimeSpan.FromSeconds(patienceSeconds),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", _adminToken) },
    };

    private async Task<Api> FirstApiAsync()
    {
        var api = StartApi("chaos-1", Free.Port());
        await api.WaitReadyAsync(TimeSpan.FromMinutes(3));
        await AdminAndMemberAsync(api);
        await WarmAsync(api);
        return api;
    }

    // The admin's token and the member every fault registers under, made once per suite on the first API that is up.
    private async Task AdminAndMemberAsync(Api api)
    {
        // The development signing key is in appsettings.Development.json, beside the assembly.
        _adminToken ??= (await Shell.Run("dotnet", [trackerDll, "token", "--role", "admin", "--user", "chaos-admin"], Api.Environment(cluster, "chaos-token"),
            Path.GetDirectoryName(trackerDll))).Trim().Split('\n').Last().Trim();
        if (_member == Guid.Empty)
        {
            var member = await Setup(api, HttpMethod.Post, "/api/members", new { name = "Chaosland", code = "CH", kind = "National", region = "Europe" });
            _member = Guid.Parse(member.Id!);
        }
    }

    // A new process compiles each handler on its first command (Dynamic code generation), which on a busy machine can outlast
    // the request timeout: setup requests wait as long as it takes, and every process is warmed before a fault is injected.
    private async Task<Entry> Setup(Api api, HttpMethod method, string path, object body)
    {
        using var http = Client(api, patienceSeconds: 180);
        for (var attempt = 1; ; attempt++)
        {
            var entry = await Send(http, "setup", $"setup-{path}-{JsonSerializer.Serialize(body).GetHashCode()}", method, path, body);
            if (entry.Acknowledged) return entry;
            if (attempt == 10) throw new InvalidOperationException($"setup request answered {entry}");
            await Task.Delay(1000);
        }
    }

    private async Task WarmAsync(Api api)
    {
        await Setup(api, HttpMethod.Post, "/api/institutions", Institution($"warm-{api.Name}-{Guid.NewGuid():N}"));
        var plan = await Setup(api, HttpMethod.Post, "/api/plans",
            new { memberId = _member, number = 9, title = $"Warm-up plan {Guid.NewGuid():N}", periodStart = "2016-07-01", periodEnd = "2018-06-30" });
        await Setup(api, HttpMethod.Post, $"/api/plans/{plan.Id}/amendments",
            new { title = "Warm-up plan, amended", periodStart = "2016-07-01", periodEnd = "2018-12-31", midtermCutoff = "2017-06-30", reason = "warm-up" });
    }

    private async Task<Entry> Send(HttpClient http, string fault, string? key, HttpMethod method, string path, object? body,
        string? ifMatch = null, bool dieAfterCommit = false)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (dieAfterCommit) request.Headers.Add("X-Chaos-Die-After-Commit", "1");
        var started = _clock.Elapsed.TotalMilliseconds;
        Entry entry;
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            string? id = null, code = null;
            try
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    if (json.RootElement.TryGetProperty("id", out var i)) id = i.ToString();
                    if (json.RootElement.TryGetProperty("code", out var c)) code = c.GetString();
                }
            }
            catch (JsonException) { }
            entry = new Entry(fault, key ?? "", method.Method, path, (int)response.StatusCode, code, response.Headers.RetryAfter?.ToString(),
                response.Content.Headers.ContentType?.MediaType, id, response.Headers.Contains("Idempotent-Replayed"), started,
                _clock.Elapsed.TotalMilliseconds - started);
        }
        catch (TaskCanceledException)
        {
            entry = new Entry(fault, key ?? "", method.Method, path, -2, null, null, null, null, false, started, _clock.Elapsed.TotalMilliseconds - started);
        }
        catch (HttpRequestException)
        {
            entry = new Entry(fault, key ?? "", method.Method, path, -1, null, null, null, null, false, started, _clock.Elapsed.TotalMilliseconds - started);
        }
        Log.Enqueue(entry);
        return entry;
    }

    private object Institution(string name) => new { name, kind = "Government", memberId = _member };

    // The oracle: how many of these stream ids have events in the store.
    private async Task<int> Found(IEnumerable<string> ids)
    {
        var streams = ids.Select(Guid.Parse).ToArray();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("chaos-oracle"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(distinct stream_id) from tracker.mt_events where stream_id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", streams);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<T> Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("chaos-oracle"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Fault 1: PostgreSQL stopped hard (immediate) and restarted under four writers.</summary>
    public async Task<Row> DatabaseStoppedHard()
    {
        const string fault = "1";
        var api = await FirstApiAsync();
        using var http = Client(api);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(1, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                var name = $"f1-w{writer}-{i}";
                // A real client: a 503 or no answer is retried with the same key until acknowledged.
                for (var attempt = 0; attempt < 100 && !stop.IsCancellationRequested; attempt++)
                {
                    var entry = await Send(http, fault, name, HttpMethod.Post, "/api/institutions", Institution(name));
                    if (entry.Acknowledged || entry.Status is >= 400 and < 500 and not 409) break;
                    await Task.Delay(entry.RetryAfter is { } after && int.TryParse(after, out var s) ? Math.Min(s, 1) * 1000 : 200);
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(4));
        var stoppedAt = _clock.Elapsed.TotalMilliseconds;
        await cluster.StopImmediateAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        await cluster.StartAsync();
        var upAt = _clock.Elapsed.TotalMilliseconds;
        var recovery = Stopwatch.StartNew();
        while (!Log.Any(e => e.Fault == fault && e.Acknowledged && e.StartedMs >= upAt) && recovery.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(50);
        var firstAfter = Log.Where(e => e.Fault == fault && e.Acknowledged && e.StartedMs >= upAt).Select(e => e.StartedMs + e.ElapsedMs).DefaultIfEmpty(double.NaN).Min();
        await Task.Delay(TimeSpan.FromSeconds(3));
        stop.Cancel();
        await Task.WhenAll(writers);

        var entries = Log.Where(e => e.Fault == fault).ToList();
        var acknowledged = entries.Where(e => e.Acknowledged).ToList();
        var found = await Found(acknowledged.Select(e => e.Id!).Distinct());
        var during = entries.Where(e => !e.Acknowledged).ToList();
        var fiveHundreds = entries.Count(e => e.Status >= 500 && e.Status != 503);
        var bad503 = entries.Count(e => e.Status == 503 && (e.RetryAfter is null || e.ContentType != "application/problem+json"));
        var hangs = entries.Count(e => e.Status == -2 || e.ElapsedMs > (RequestTimeoutSeconds + 2) * 1000);
        var recoverySeconds = (firstAfter - upAt) / 1000;
        var duplicates = acknowledged.GroupBy(e => e.Key).Count(g => g.Select(e => e.Id).Distinct().Count() > 1);
        var statuses = string.Join(", ", during.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{(g.Key == -1 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}"));
        var pass = found == acknowledged.Select(e => e.Id).Distinct().Count() && fiveHundreds == 0 && bad503 == 0 && hangs == 0 && duplicates == 0
                   && recoverySeconds <= 10;
        return new Row("1. PostgreSQL stopped hard (immediate) and restarted under 4 writers", entries.Count, acknowledged.Select(e => e.Key).Distinct().Count(), found,
            $"outage answers: {statuses}; 500s: {fiveHundreds}; 503 without Retry-After or problem details: {bad503}; hangs: {hangs}; " +
            $"one key, two streams: {duplicates}; first write acknowledged {recoverySeconds:0.0} s after the database was back (stopped for {(upAt - stoppedAt) / 1000:0.0} s)", pass);
    }

    /// <summary>Fault 2: 16 writers amend one plan with the same If-Match.</summary>
    public async Task<Row> SixteenWritersOneVersion()
    {
        const string fault = "2";
        var api = _apis.LastOrDefault(a => !a.HasExited) ?? await FirstApiAsync();
        using var http = Client(api);
        var plan = await Setup(api, HttpMethod.Post, "/api/plans",
            new { memberId = _member, number = 1, title = "Chaos plan", periodStart = "2016-07-01", periodEnd = "2018-06-30" });
        using var gate = new SemaphoreSlim(0);
        var writers = Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            await gate.WaitAsync();
            return await Send(http, fault, $"amend-{i}", HttpMethod.Post, $"/api/plans/{plan.Id}/amendments",
                new { title = $"Chaos plan, amendment {i}", periodStart = "2016-07-01", periodEnd = "2018-12-31", midtermCutoff = "2017-06-30", reason = $"writer {i}" },
                ifMatch: "\"1\"");
        })).ToList();
        gate.Release(16);
        var answers = await Task.WhenAll(writers);
        var ok = answers.Count(a => a.Acknowledged);
        var stale = answers.Count(a => a.Status == 409 && a.Code == "version.stale");
        var events = await Scalar<long>("select count(*) from tracker.mt_events where stream_id = @id", ("id", Guid.Parse(plan.Id!)));
        var maxVersion = await Scalar<long>("select max(version) from tracker.mt_events where stream_id = @id", ("id", Guid.Parse(plan.Id!)));
        var distinct = await Scalar<long>("select count(distinct version) from tracker.mt_events where stream_id = @id", ("id", Guid.Parse(plan.Id!)));
        var pass = ok == 1 && stale == 15 && events == 2 && maxVersion == 2 && distinct == 2;
        return new Row("2. 16 writers, one expected version, one stream", answers.Length, ok, (int)events - 1,
            $"{ok}×2xx, {stale}×409 version.stale; stream has {events} events, versions 1…{maxVersion}, {distinct} distinct (no gap, no duplicate)", pass);
    }

    /// <summary>Fault 3: the API SIGKILLed after commit, before the answer; the client retries with the same key on a restarted API.</summary>
    public async Task<Row> KilledBetweenCommitAndAnswer()
    {
        const string fault = "3";
        var api = _apis.LastOrDefault(a => !a.HasExited) ?? await FirstApiAsync();
        var port = api.Url.Port;
        const string name = "f3-killed-after-commit";
        Entry first;
        using (var http = Client(api)) first = await Send(http, fault, name, HttpMethod.Post, "/api/institutions", Institution(name), dieAfterCommit: true);
        using (var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10))) await api.WaitForExitAsync(exit.Token);
        var restarted = StartApi("chaos-1-restarted", port);
        await restarted.WaitReadyAsync(TimeSpan.FromMinutes(3));
        using var retryClient = Client(restarted);
        Entry retry;
        var attempts = 0;
        do
        {
            retry = await Send(retryClient, fault, name, HttpMethod.Post, "/api/institutions", Institution(name));
            attempts++;
            if (retry.Status is 409 or 503 or < 0)
                await Task.Delay(TimeSpan.FromSeconds(int.TryParse(retry.RetryAfter, out var after) ? after : 1));
        } while ((retry.Status == 409 && retry.Code == "idempotency.in_progress" || retry.Status is 503 or < 0) && attempts < 20);
        var streams = await Scalar<long>("select count(*) from tracker.mt_doc_institution where data ->> 'name' = @name", ("name", name));
        var stored = await Scalar<string>("select id::text from tracker.mt_doc_institution where data ->> 'name' = @name", ("name", name));
        var events = await Scalar<long>("select count(*) from tracker.mt_events where stream_id = @id", ("id", Guid.Parse(stored)));
        var pass = first.Status == -1 && retry.Status == 201 && retry.Replayed && retry.Id == stored && streams == 1 && events == 1;
        return new Row("3. API SIGKILLed after commit, before the answer; retried with the same Idempotency-Key", 1 + attempts,
            retry.Acknowledged ? 1 : 0, retry.Acknowledged ? await Found([retry.Id!]) : 0,
            $"first request: {(first.Status == -1 ? "connection lost (process killed)" : first.Status.ToString(CultureInfo.InvariantCulture))}; " +
            $"retry after restart: {retry.Status}{(retry.Replayed ? " Idempotent-Replayed" : "")} after {attempts} attempt(s), id {(retry.Id == stored ? "=" : "≠")} the stored stream; " +
            $"institutions named so: {streams}, events in its stream: {events}", pass);
    }

    /// <summary>Fault 5: two API processes (HotCold daemon) on one database; the one running the projections is killed.</summary>
    public async Task<Row> TwoApiProcesses()
    {
        const string fault = "5";
        foreach (var running in _apis.Where(a => !a.HasExited)) running.Kill();
        var settings = new Dictionary<string, string> { ["Tracker__Projections__DaemonMode"] = "HotCold", ["Tracker__Durability"] = "Balanced" };
        // Both at once: on a new database (make chaos ONLY=5) they race to apply the schema, which DatabaseStartup serialises.
        var a = StartApi("chaos-a", Free.Port(), settings);
        var b = StartApi("chaos-b", Free.Port(), settings);
        await Task.WhenAll(a.WaitReadyAsync(TimeSpan.FromMinutes(3)), b.WaitReadyAsync(TimeSpan.FromMinutes(3)));
        await AdminAndMemberAsync(a);
        await Task.WhenAll(WarmAsync(a), WarmAsync(b));
        using var httpA = Client(a);
        using var httpB = Client(b);
        for (var i = 1; i <= 20; i++)
        {
            await Send(httpA, fault, $"f5-a-{i}", HttpMethod.Post, "/api/institutions", Institution($"f5-a-{i}"));
            await Send(httpB, fault, $"f5-b-{i}", HttpMethod.Post, "/api/institutions", Institution($"f5-b-{i}"));
        }
        var holders = await DaemonHolders(TimeSpan.FromSeconds(60));
        var holder = holders.Count == 1 ? (holders[0] == a.Name ? a : b) : null;
        if (holder is null)
            return new Row("5. two API processes, the daemon's killed", Log.Count(e => e.Fault == fault), 0, 0,
                $"daemon lock held by {holders.Count} processes ({string.Join(", ", holders)}); advisory locks: {await AdvisoryLocks()}", false);
        var survivor = holder == a ? b : a;
        var killedAt = Stopwatch.StartNew();
        holder.Kill();
        using var httpSurvivor = Client(survivor);
        for (var i = 1; i <= 20; i++)
            await Send(httpSurvivor, fault, $"f5-after-{i}", HttpMethod.Post, "/api/institutions", Institution($"f5-after-{i}"));
        var after = await DaemonHolders(TimeSpan.FromSeconds(90));
        var takeover = killedAt.Elapsed.TotalSeconds;
        var caughtUp = await WaitForNoLag(survivor, killedAt, TimeSpan.FromSeconds(90));
        var entries = Log.Where(e => e.Fault == fault).ToList();
        var acknowledged = entries.Where(e => e.Acknowledged).ToList();
        var found = await Found(acknowledged.Select(e => e.Id!).Distinct());
        var bothTookWrites = acknowledged.Any(e => e.Key.StartsWith("f5-a-", StringComparison.Ordinal)) && acknowledged.Any(e => e.Key.StartsWith("f5-b-", StringComparison.Ordinal));
        var pass = bothTookWrites && after.SequenceEqual([survivor.Name]) && caughtUp is { } lag && lag.TotalSeconds >= 0 && found == acknowledged.Count
                   && entries.Count == acknowledged.Count;
        return new Row("5. two API processes on one database (HotCold daemon)", entries.Count, acknowledged.Count, found,
            $"both took writes: {(bothTookWrites ? "yes" : "no")}; daemon lock held by {holder.Name} only; after SIGKILL held by {string.Join(", ", after)} " +
            $"within {takeover:0.0} s; the survivor's projections {(caughtUp is { } c ? $"caught up {c.TotalSeconds:0.0} s after the kill" : "did not catch up")}", pass);
    }

    private async Task<string> AdvisoryLocks()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("chaos-oracle"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select a.application_name || ':' || l.classid || '/' || l.objid || '/' || l.objsubid || (case when l.granted then '' else ' waiting' end) " +
                                                    "from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' order by 1", connection);
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetString(0));
        return string.Join(", ", found);
    }

    // Which processes (by application name) hold the daemon's advisory lock: the only advisory lock a Tracker connection
    // (named after its process) holds; Wolverine's leadership lock is on a connection of its own ("wolverine-advisory-lock").
    private async Task<IReadOnlyList<string>> DaemonHolders(TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        IReadOnlyList<string> holders = [];
        while (waited.Elapsed < within)
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString("chaos-oracle"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select distinct a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid " +
                                                        "where l.locktype = 'advisory' and l.granted and a.application_name like 'chaos-%' order by 1", connection);
            var found = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) found.Add(reader.GetString(0));
            holders = found;
            if (holders.Count == 1 && _apis.Any(api => api.Name == holders[0] && !api.HasExited)) return holders;
            await Task.Delay(250);
        }
        return holders;
    }

    public void Dispose()
    {
        foreach (var api in _apis) api.Dispose();
    }
}
