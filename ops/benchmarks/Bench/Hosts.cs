using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Tracker.Infrastructure;

namespace Bench;

/// <summary>Tracker hosted in this process, for seeding and rebuilds only (no HTTP figure comes from it).</summary>
public sealed class InProcessTracker : IAsyncDisposable
{
    private readonly WebApplicationFactory<global::Program> _factory;

    public InProcessTracker(string database)
    {
        // Program ends in JasperFx's command line; under WebApplicationFactory it must start the host itself.
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRACKER", AppContext.BaseDirectory);
        _factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("TRACKER_DB", database);
            host.UseSetting("Auth:DevelopmentSigningKey", Tokens.SigningKey);
            host.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _ = _factory.Server;
    }

    public IDocumentStore Store => _factory.Services.GetRequiredService<IDocumentStore>();

    public IServiceProvider Services => _factory.Services;

    /// <summary>Stops the async daemon, so that the seed's own dashboards are the only ones written.</summary>
    public Task PauseDaemonAsync() => Services.GetRequiredService<IProjectionCoordinator>().PauseAsync();

    /// <summary>Marks every event as projected by the async daemon: the seed wrote the dashboards itself.</summary>
    public static async Task MarkProjectedAsync(string database)
    {
        await using var db = new Npgsql.NpgsqlConnection(database);
        await db.OpenAsync();
        await Db.Execute(db, """
            insert into tracker.mt_event_progression (name, last_seq_id)
            select n, (select coalesce(max(seq_id), 0) from tracker.mt_events) from unnest(array['HighWaterMark', 'PlanDashboard:All']) n
            on conflict (name) do update set last_seq_id = excluded.last_seq_id
            """);
    }

    /// <summary>Waits until the async daemon has projected every event (the plan dashboards).</summary>
    public Task CatchUpAsync() => Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(15));

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

/// <summary>Development tokens signed with the key the bench gives both hosts; issuer and audience as appsettings.json.</summary>
public sealed class Tokens
{
    public const string SigningKey = "bench-only-signing-key-0123456789abcdef-0123456789";
    private readonly IConfiguration _configuration;
    private readonly Dictionary<Guid, string> _ministry = [];

    public Tokens(InProcessTracker host) =>
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = "tracker-dev", ["Auth:Audience"] = "tracker-api", ["Auth:DevelopmentSigningKey"] = SigningKey,
        }).Build();

    public string Ministry(Guid institution)
    {
        lock (_ministry)
        {
            if (!_ministry.TryGetValue(institution, out var token))
                _ministry[institution] = token = Authentication.MintDevelopmentToken(_configuration, "bench-ministry", TrackerRole.Ministry, institution, TimeSpan.FromHours(6));
            return token;
        }
    }
}

/// <summary>The Release build of Tracker as a child process on a free loopback port, as `make run` starts it.</summary>
public sealed class ChildTracker : IAsyncDisposable
{
    private readonly Process _process;
    private int _errors, _warnings;

    private ChildTracker(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }
    public int ErrorLines => _errors;
    public int WarningLines => _warnings;
    public string? FirstError { get; private set; }

    public static async Task<ChildTracker> Start(string dll, string database, string signingKey)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["TRACKER_DB"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Auth__DevelopmentSigningKey"] = signingKey,
                // As the image runs (ops/Dockerfile): handler code generated at build time, no Roslyn in the process.
                ["Tracker__CodeGeneration"] = Environment.GetEnvironmentVariable("BENCH_CODEGEN") ?? "Static",
                // The bench's 16 clients share one caller per institution: far above any fair-use limit.
                ["Tracker__RateLimits__PermitLimit"] = "100000000",
            },
        })!;
        var child = new ChildTracker(process, url);
        process.OutputDataReceived += (_, e) => child.Count(e.Data);
        process.ErrorDataReceived += (_, e) => child.Count(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException("Tracker exited before it was ready (run it with make run to see why).");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return child;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(300);
        }
        throw new TimeoutException("Tracker was not ready within 5 minutes.");
    }

    // The console logger's simple format starts each entry with its level.
    private void Count(string? line)
    {
        if (line is null) return;
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            if (Interlocked.Increment(ref _errors) == 1) FirstError = line.Trim();
        }
        else if (line.StartsWith("warn:", StringComparison.Ordinal)) Interlocked.Increment(ref _warnings);
    }

    /// <summary>The child's peak resident set (VmHWM), in MB.</summary>
    public double PeakMegabytes() => Status("VmHWM") / 1024.0;

    public string GcNote() => $"{Status("VmRSS") / 1024.0:0} MB";

    private long Status(string key)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
