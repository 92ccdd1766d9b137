// Page rendering: the public pages rendered server-side (HTML) beside the JSON reads they are drawn from, on the demo
// data, in one run. Usage (what `make bench-pages` runs):
//   dotnet run -c Release -- --connection CONN --tracker path/to/Tracker.dll [--requests 300] [--rounds 3]
// It starts the application on a scratch database of its own with the demo set, waits until it is ready, then times
// sequential GETs over loopback (warm-up discarded; each figure the median of the rounds' medians). Not a test.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

var options = Args(args);
var connection = options["--connection"];
var trackerDll = Path.GetFullPath(options["--tracker"]);
var requests = int.Parse(options.GetValueOrDefault("--requests", "300"), CultureInfo.InvariantCulture);
var rounds = int.Parse(options.GetValueOrDefault("--rounds", "3"), CultureInfo.InvariantCulture);

var database = await CreateDatabase(connection, "bench_pages");
var port = FreePort();
var baseUrl = $"http://127.0.0.1:{port}";
using var app = StartTracker(trackerDll, database, baseUrl);
try
{
    using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = new Uri(baseUrl) };
    await WaitUntil(async () => (await TryGet(http, "/health/ready")) == HttpStatusCode.OK, TimeSpan.FromMinutes(5), "the application to be ready");
    // The demo set loads on first start; the US NAP5 plan is its last part to appear.
    string? usPlan = null;
    await WaitUntil(async () => (usPlan = await PlanOf(http, "United States")) is not null, TimeSpan.FromMinutes(5), "the demo set to load");
    var commitment = (await TryGet(http, "/api/commitments/NL0025")) == HttpStatusCode.OK ? "NL0025" : "US0113";

    Console.WriteLine($"# machine: {Environment.ProcessorCount} cores; .NET {Environment.Version}; PostgreSQL {await ServerVersion(connection)}");
    Console.WriteLine($"# {requests} sequential requests per round, {rounds} rounds, warm-up of 30 discarded; demo data; commitment {commitment}");
    var measures = new (string What, string Url)[]
    {
        ("plan dashboard, HTML", $"/plans/{usPlan}"),
        ("plan dashboard, JSON", $"/api/plans/{usPlan}/dashboard"),
        ("commitment page, HTML", $"/commitments/{commitment}"),
        ("commitment page, JSON", $"/api/commitments/{commitment}"),
    };
    Console.WriteLine();
    Console.WriteLine("| read | status | median ms | p95 ms | bytes (decompressed) |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    foreach (var (what, url) in measures)
    {
        var (status, bytes) = await Probe(http, url);
        if (status != HttpStatusCode.OK)
        {
            Console.WriteLine($"| {what} (`{url}`) | {(int)status} | — | — | — |");
            continue;
        }
        for (var i = 0; i < 30; i++) await Time(http, url);
        var medians = new List<double>();
        var p95s = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var times = new List<double>(requests);
            for (var i = 0; i < requests; i++) times.Add(await Time(http, url));
            times.Sort();
            medians.Add(times[times.Count / 2]);
            p95s.Add(times[(int)(times.Count * 0.95)]);
        }
        medians.Sort();
        p95s.Sort();
        Console.WriteLine($"| {what} (`{url.Split('?')[0]}`) | 200 | {medians[rounds / 2]:0.00} | {p95s[rounds / 2]:0.00} | {bytes} |");
    }
    return 0;
}
finally
{
    try { app.Kill(entireProcessTree: true); await app.WaitForExitAsync(); } catch (InvalidOperationException) { }
    await DropDatabase(connection, database);
}

static async Task<double> Time(HttpClient http, string url)
{
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
    await response.Content.ReadAsByteArrayAsync();
    return watch.Elapsed.TotalMilliseconds;
}

static async Task<(HttpStatusCode, int)> Probe(HttpClient http, string url)
{
    using var response = await http.GetAsync(url);
    return (response.StatusCode, (await response.Content.ReadAsByteArrayAsync()).Length);
}

static async Task<HttpStatusCode?> TryGet(HttpClient http, string url)
{
    try
    {
        using var response = await http.GetAsync(url);
        return response.StatusCode;
    }
    catch (HttpRequestException)
    {
        return null;
    }
}

static async Task<string?> PlanOf(HttpClient http, string memberName)
{
    if ((await TryGet(http, "/api/members")) != HttpStatusCode.OK) return null;
    var members = JsonDocument.Parse(await http.GetStringAsync("/api/members")).RootElement;
    var member = members.EnumerateArray().FirstOrDefault(m => m.GetProperty("name").GetString() == memberName);
    if (member.ValueKind == JsonValueKind.Undefined) return null;
    var plans = JsonDocument.Parse(await http.GetStringAsync($"/api/plans?member={member.GetProperty("id").GetGuid()}")).RootElement;
    var plan = plans.EnumerateArray().FirstOrDefault();
    if (plan.ValueKind == JsonValueKind.Undefined) return null;
    var id = plan.GetProperty("id").GetGuid();
    // The plan is complete once its last commitment is in.
    var commitments = JsonDocument.Parse(await http.GetStringAsync($"/api/plans/{id}/commitments")).RootElement;
    return commitments.GetArrayLength() >= 24 ? id.ToString() : null;
}

static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan budget, string what)
{
    var watch = Stopwatch.StartNew();
    while (!await condition())
    {
        if (watch.Elapsed > budget) throw new TimeoutException($"Gave up waiting for {what} after {budget}.");
        await Task.Delay(500);
    }
}

static Process StartTracker(string dll, string database, string url)
{
    var start = new ProcessStartInfo("dotnet", [dll, "--urls", url])
    {
        WorkingDirectory = Path.GetDirectoryName(dll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.Environment["TRACKER_DB"] = database;
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    start.Environment["Tracker__LoadDemoData"] = "true";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

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
    await using (var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", db)) await drop.ExecuteNonQueryAsync();
    await using (var create = new NpgsqlCommand($"create database \"{name}\"", db)) await create.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
}

static async Task DropDatabase(string admin, string database)
{
    NpgsqlConnection.ClearAllPools();
    await using var db = new NpgsqlConnection(admin);
    await db.OpenAsync();
    await using var drop = new NpgsqlCommand($"drop database if exists \"{new NpgsqlConnectionStringBuilder(database).Database}\" with (force)", db);
    await drop.ExecuteNonQueryAsync();
}

static async Task<string> ServerVersion(string connection)
{
    await using var db = new NpgsqlConnection(connection);
    await db.OpenAsync();
    return db.PostgreSqlVersion.ToString();
}

static Dictionary<string, string> Args(string[] args)
{
    var result = new Dictionary<string, string>();
    for (var i = 0; i + 1 < args.Length; i += 2) result[args[i]] = args[i + 1];
    foreach (var required in new[] { "--connection", "--tracker" })
        if (!result.ContainsKey(required)) throw new ArgumentException($"Missing {required}. Usage: --connection CONN --tracker Tracker.dll [--requests N] [--rounds N]");
    return result;
}
