using System.Diagnostics;

/// <summary>One Tracker API process on the suite's cluster, its output in a log file beside the suite's.</summary>
sealed class Api : IDisposable
{
    private readonly Process _process;
    public string Name { get; }
    public Uri Url { get; }
    public bool HasExited => _process.HasExited;

    private Api(string name, Uri url, Process process) => (Name, Url, _process) = (name, url, process);

    public static Api Start(string trackerDll, Cluster cluster, string name, int port, string logDir, IDictionary<string, string>? settings = null)
    {
        var url = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [trackerDll, "--urls", url.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(trackerDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment(cluster, name).Concat(settings ?? new Dictionary<string, string>())) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(logDir, $"api-{name}-{DateTime.UtcNow:HHmmssfff}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Api(name, url, process);
    }

    public static Dictionary<string, string> Environment(Cluster cluster, string name) => new()
    {
        ["TRACKER_DB"] = cluster.ConnectionString(name),
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Tracker__Chaos__Failpoints"] = "true",
        ["Tracker__Timeouts__RequestSeconds"] = Suite.RequestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Tracker__Idempotency__ReservationSeconds"] = "2",
        ["Tracker__RateLimits__PermitLimit"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            if (_process.HasExited) throw new InvalidOperationException($"API {Name} exited ({_process.ExitCode}) before it was ready.");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"API {Name} not ready within {within}.");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
