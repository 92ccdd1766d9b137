using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// Fault 4: the async projection daemon SIGKILLed (its API process) in the middle of catching up on many events; after
/// a restart its views must be identical to a clean rebuild of the same events. Then many writers racing with a stale
/// <c>If-Match</c>: each loser that reached the append took a sequence number and rolled back, leaving a gap the daemon
/// must step over (the "sequence gap" stall Marten users report) to reach the high-water mark, with the lag back to 0.
/// </summary>
sealed partial class Suite
{
    /// <summary>How many events fault 4 seeds (at ~10 events a row of the scaled OGP sample) before the daemon catches up.</summary>
    public int CatchUpEvents { get; init; } = 20_000;

    /// <summary>The OGP sample the seed is scaled from.</summary>
    public string SamplePath { get; init; } = "";

    private const string DashboardShard = "PlanDashboard:All";
    private const int LoserRounds = 20, RacingWriters = 16;

    public async Task<Row> DaemonKilledDuringCatchUp()
    {
        const string fault = "4";
        if (_member == Guid.Empty) await FirstApiAsync();
        foreach (var running in _apis.Where(a => !a.HasExited)) running.Kill();

        // The seed goes through the application's own import (every event from its slice's decision), with no daemon running.
        var folded = await Progress();
        var seeding = Stopwatch.StartNew();
        var imported = await ImportScaledSample(Math.Max(1, CatchUpEvents / 10));
        var seedSeconds = seeding.Elapsed.TotalSeconds;
        var high = await Scalar<long>("select coalesce(max(seq_id), 0) from tracker.mt_events");
        var behind = high - folded;

        // Kill the daemon's process a quarter of the way through its catch-up.
        var first = StartApi("chaos-4", Free.Port());
        var killAt = folded + behind / 4;
        var waited = Stopwatch.StartNew();
        while (await Progress() < killAt && !first.HasExited && waited.Elapsed < TimeSpan.FromMinutes(30)) await Task.Delay(20);
        first.Kill();
        var killedAt = await Progress();

        // Restart; the daemon resumes from what it committed and must reach the high-water mark.
        var catchingUp = Stopwatch.StartNew();
        var api = StartApi("chaos-4-restarted", Free.Port());
        await api.WaitReadyAsync(TimeSpan.FromMinutes(3));
        var ready = catchingUp.Elapsed;
        var caughtUp = await WaitForNoLag(api, catchingUp, TimeSpan.FromMinutes(60));

        // Many 409 losers: rounds of 16 writers amending one plan with the same If-Match.
        var plan = await Setup(api, HttpMethod.Post, "/api/plans",
            new { memberId = _member, number = 4, title = "Chaos plan 4", periodStart = "2016-07-01", periodEnd = "2018-06-30" });
        var planId = Guid.Parse(plan.Id!);
        var lastSequence = await Scalar<long>("select last_value from tracker.mt_events_sequence");
        using var http = Client(api);
        var winners = new List<Entry>();
        for (var round = 1; round <= LoserRounds; round++)
        {
            var version = await Scalar<long>("select version from tracker.mt_streams where id = @id", ("id", planId));
            using var gate = new SemaphoreSlim(0);
            var writers = Enumerable.Range(1, RacingWriters).Select(i => Task.Run(async () =>
            {
                await gate.WaitAsync();
                return await Send(http, fault, $"f4-r{round}-w{i}", HttpMethod.Post, $"/api/plans/{planId}/amendments",
                    new { title = $"Chaos plan 4, round {round} writer {i}", periodStart = "2016-07-01", periodEnd = "2018-12-31", midtermCutoff = "2017-06-30", reason = $"round {round}" },
                    ifMatch: $"\"{version}\"");
            })).ToList();
            gate.Release(RacingWriters);
            winners.AddRange((await Task.WhenAll(writers)).Where(a => a.Acknowledged));
        }
        var lastWrite = Stopwatch.StartNew();
        var settled = await WaitForNoLag(api, lastWrite, TimeSpan.FromMinutes(5));
        var entries = Log.Where(e => e.Fault == fault).ToList();
        var stale = entries.Count(e => e.Status == 409 && e.Code == "version.stale");
        var taken = await Scalar<long>("select last_value from tracker.mt_events_sequence") - lastSequence;
        var appended = await Scalar<long>("select count(*) from tracker.mt_events where seq_id > @from", ("from", lastSequence));
        var amendments = await Scalar<long>("select count(*) from tracker.mt_events where stream_id = @id and type = 'plan_amended'", ("id", planId));
        var highAfter = await Scalar<long>("select coalesce(max(seq_id), 0) from tracker.mt_events");
        var reached = await Progress() >= highAfter;
        var lastTitle = winners.Count == 0 ? null : $"Chaos plan 4, round {LoserRounds} writer";
        var dashboardTitle = await Scalar<string>("select coalesce(data ->> 'title', '') from tracker.mt_doc_plandashboard where id = @id", ("id", planId));

        // The views the daemon built, through the kill and the gaps, against a clean rebuild of the same events.
        var live = await DashboardsHash();
        api.Kill();
        var rebuilding = Stopwatch.StartNew();
        await Shell.Run("dotnet", [trackerDll, "projections", "rebuild", "--projection", "PlanDashboard"], Api.Environment(cluster, "chaos-rebuild"),
            Path.GetDirectoryName(trackerDll));
        var rebuildSeconds = rebuilding.Elapsed.TotalSeconds;
        var rebuilt = await DashboardsHash();

        var identical = live == rebuilt && live.Rows > 0;
        var pass = folded < killedAt && killedAt < high && caughtUp is not null && identical && winners.Count == LoserRounds
                   && stale == LoserRounds * (RacingWriters - 1) && amendments == LoserRounds && taken > appended && settled is not null && reached
                   && lastTitle is not null && dashboardTitle.StartsWith(lastTitle, StringComparison.Ordinal);
        return new Row($"4. projection daemon SIGKILLed during a catch-up of {behind:N0} events, then {LoserRounds} rounds of {RacingWriters} writers with one If-Match",
            entries.Count, winners.Count, (int)amendments,
            $"seed: {imported} rows imported, {behind:N0} events in {seedSeconds:0} s; killed at sequence {killedAt:N0} of {high:N0} " +
            $"({100.0 * (killedAt - folded) / Math.Max(1, behind):0}% folded); restarted, lag 0 {(caughtUp is { } c ? $"{c.TotalSeconds:0.0} s after the restart (ready after {ready.TotalSeconds:0.0} s)" : "NOT within 60 min")}; " +
            $"{live.Rows} dashboards, hash of the ordered rows {live.Hash[..12]} live vs {rebuilt.Hash[..12]} after a clean rebuild ({rebuildSeconds:0} s): {(identical ? "identical" : "DIFFERENT")}; " +
            $"409 losers: {winners.Count}×2xx, {stale}×409 version.stale, {taken - appended} sequence numbers without an event; " +
            $"lag 0 {(settled is { } s ? $"{s.TotalSeconds:0.0} s" : "NOT within 5 min")} after the last write, high-water mark {(reached ? "reached" : "NOT reached")}; " +
            $"dashboard title {(dashboardTitle.StartsWith(lastTitle ?? "?", StringComparison.Ordinal) ? "is the last winner's" : $"is '{dashboardTitle}'")}", pass);
    }

    // The last sequence the plan dashboards' projection has folded (committed with the views it wrote).
    private async Task<long> Progress() =>
        await Scalar<long>("select coalesce(max(last_seq_id), 0) from tracker.mt_event_progression where name = @name", ("name", DashboardShard));

    private async Task<(long Rows, string Hash)> DashboardsHash()
    {
        var rows = await Scalar<long>("select count(*) from tracker.mt_doc_plandashboard");
        var hash = await Scalar<string>("select md5(coalesce(string_agg(id::text || ' ' || data::text, E'\\n' order by id), '')) from tracker.mt_doc_plandashboard");
        return (rows, hash);
    }

    private async Task<int> ImportScaledSample(int rows)
    {
        var work = Directory.CreateTempSubdirectory("chaos-seed-");
        try
        {
            var (header, records) = ScaledSample.Build(await File.ReadAllTextAsync(SamplePath), rows);
            var file = Path.Combine(work.FullName, $"ogp-{rows}.csv");
            await File.WriteAllTextAsync(file, ScaledSample.Line(header) + string.Concat(records.Select(ScaledSample.Line)));
            var report = Path.Combine(work.FullName, "report.json");
            var environment = Api.Environment(cluster, "chaos-import");
            await Shell.Run("dotnet", [trackerDll, "import-ogp", file, "--report", report], environment, Path.GetDirectoryName(trackerDll));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            return json.RootElement.GetProperty("taken").GetInt32();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // Waits until /health/ready shows every async projection at lag 0; answers how long after `since` that was.
    private async Task<TimeSpan?> WaitForNoLag(Api api, Stopwatch since, TimeSpan within)
    {
        using var http = Client(api);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < within)
        {
            try
            {
                using var ready = JsonDocument.Parse(await http.GetStringAsync("/health/ready"));
                if (ready.RootElement.TryGetProperty("projectionLag", out var shards) && shards.ValueKind == JsonValueKind.Object
                    && shards.EnumerateObject().Any() && shards.EnumerateObject().All(s => s.Value.GetInt64() == 0))
                    return since.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        return null;
    }
}
