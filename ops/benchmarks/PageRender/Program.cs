// Page render time: the public site's plan dashboard and commitment page beside the JSON endpoints that read the same
// data, on the demo set. Usage (what `make bench-pages` runs):
//   dotnet run -c Release -- --connection CONN --tracker path/to/Tracker.dll [--requests 200]
// Tracker runs as `make run` runs it (Release build, Development settings, demo set loaded on an empty scratch database, dropped at the end); each URL
// is asked sequentially over loopback with keep-alive after a warm-up, and the server's own time is read from the
// Server-Timing header Tracker writes (the time from the request reaching the app to the response's first byte).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

var options = Args(args);
var connection = options["--connection"];
var trackerDll = Path.GetFullPath(options["--tracker"]);
var requests = int.Parse(options.GetValueOrDefault("--requests", "200"), CultureInfo.InvariantCulture);

var database = await CreateDatabase(connection, "bench_pages");
var port = FreePort();
var url = $"http://127.0.0.1:{port}";
using var tracker = Process.Start(new ProcessStartInfo("dotnet", [trackerDll, "--urls", url])
{
    WorkingDirectory = Path.GetDirectoryName(trackerDll)!,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    Environment =
    {
        ["TRACKER_DB"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Tracker__LoadDemoData"] = "true",
        ["Tracker__CodeGeneration"] = "Dynamic", ["Logging__LogLevel__Default"] = "Warning",
    },
})!;
tracker.OutputDataReceived += (_, _) => { };
tracker.ErrorDataReceived += (_, _) => { };
tracker.BeginOutputReadLine();
tracker.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    await WaitUntilReady(http, () => tracker.HasExited);
    var us = (await Json(http, "/api/plans?member=US")).EnumerateArray().Single().GetProperty("id").GetString();
    Console.WriteLine($"# {Environment.ProcessorCount} cores; .NET {Environment.Version}; {requests} sequential requests per URL after 30 warm-up; demo set");
    Console.WriteLine();
    Console.WriteLine("| what | URL | server median ms | server p95 ms | client median ms | bytes |");
    Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
    foreach (var (what, path) in new[]
             {
                 ("plan dashboard, HTML", $"/plans/{us}"),
                 ("plan dashboard, JSON", $"/api/plans/{us}/dashboard"),
                 ("commitment page NL0025, HTML", "/commitments/NL0025"),
                 ("commitment page NL0025, JSON", "/api/commitments/NL0025"),
                 ("commitment page US0113, HTML", "/commitments/US0113"),
                 ("commitment page US0113, JSON", "/api/commitments/US0113"),
             })
    {
        var (server, client, bytes) = await Measure(http, path, requests);
        Console.WriteLine($"| {what} | `{path.Replace(us!, "{US NAP5}", StringComparison.Ordinal)}` | {Median(server):0.0} | {Percentile(server, 0.95):0.0} | {Median(client):0.0} | {bytes} |");
    }
    return 0;
}
finally
{
    tracker.Kill(entireProcessTree: true);
    await tracker.WaitForExitAsync();
    await DropDatabase(connection, database);
}

static async Task<(List<double> Server, List<double> Client, long Bytes)> Measure(HttpClient http, string path, int requests)
{
    var server = new List<double>();
    var client = new List<double>();
    long bytes = 0;
    for (var i = 0; i < 30 + requests; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        response.EnsureSuccessStatusCode();
        if (i < 30) continue;
        bytes = body.Length;
        client.Add(watch.Elapsed.TotalMilliseconds);
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : "";
        var dur = timing.Split(';').FirstOrDefault(p => p.StartsWith("dur=", StringComparison.Ordinal));
        server.Add(dur is null ? double.NaN : double.Parse(dur[4..], CultureInfo.InvariantCulture));
    }
    return (server, client, bytes);
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static async Task WaitUntilReady(HttpClient http, Func<bool> exited)
{
    var deadline = DateTime.UtcNow.AddMinutes(5);
    while (DateTime.UtcNow < deadline)
    {
        if (exited()) throw new InvalidOperationException("Tracker exited before it was ready (run it with make run to see why).");
        try
        {
            // Ready, and the demo set's plan dashboards projected (the async daemon has caught up with NL0025's plan).
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode
                && (await http.GetAsync("/commitments/NL0025")).IsSuccessStatusCode
                && (await Json(http, "/api/plans?member=US")).GetArrayLength() == 1
                && (await http.GetAsync($"/api/plans/{(await Json(http, "/api/plans?member=US"))[0].GetProperty("id").GetString()}/dashboard")).IsSuccessStatusCode)
                return;
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(500);
    }
    throw new TimeoutException("Tracker did not become ready with the demo set within 5 minutes.");
}

static async Task<JsonElement> Json(HttpClient http, string path) => JsonDocument.Parse(await http.GetStringAsync(path)).RootElement;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task<string> CreateDatabase(string admin, string prefix)
{
    var name = $"{prefix}_{Environment.ProcessId}";
    await using var db = new NpgsqlConnection(admin);
    await db.OpenAsync();
    await using (var create = new NpgsqlCommand($"create database \"{name}\"", db)) await create.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
}

static async Task DropDatabase(string admin, string database)
{
    NpgsqlConnection.ClearAllPools();
    await using var db = new NpgsqlConnection(admin);
    await db.OpenAsync();
    var name = new NpgsqlConnectionStringBuilder(database).Database;
    await using var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", db);
    await drop.ExecuteNonQueryAsync();
}

static Dictionary<string, string> Args(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
    foreach (var required in new[] { "--connection", "--tracker" })
        if (!options.ContainsKey(required)) throw new ArgumentException($"usage: PageRender --connection CONN --tracker Tracker.dll [--requests N] (missing {required})");
    return options;
}
