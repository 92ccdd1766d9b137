using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

/// <summary>
/// A PostgreSQL cluster of the suite's own (initdb into a temporary folder, a free port), so stopping it hard never touches
/// the cluster anyone else uses. Run as root, its commands run as the postgres user, which initdb requires.
/// </summary>
sealed class Cluster : IAsyncDisposable
{
    private readonly string _bin, _dir;
    public int Port { get; }
    public string Database => "tracker_chaos";

    private Cluster(string bin, string dir, int port) => (_bin, _dir, Port) = (bin, dir, port);

    public string ConnectionString(string application) =>
        $"Host=127.0.0.1;Port={Port};Database={Database};Username=postgres;Application Name={application};Timeout=5";

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Timeout=5";

    public static async Task<Cluster> CreateAsync(string bin)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"tracker-chaos-{Environment.ProcessId}");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        var cluster = new Cluster(bin, dir, Free.Port());
        if (Environment.UserName == "root") await Shell.Run("chown", ["postgres:postgres", dir]);
        await cluster.Pg("initdb", ["-D", Path.Combine(dir, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
        await cluster.StartAsync();
        await using var connection = new NpgsqlConnection(cluster.AdminConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand($"create database {cluster.Database}", connection).ExecuteNonQueryAsync();
        return cluster;
    }

    public Task StartAsync() => Pg("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "postgres.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c max_connections=200", "start"]);

    /// <summary>Stops the server the hard way: no checkpoint, every connection cut, as a crash would.</summary>
    public Task StopImmediateAsync() => Pg("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"]);

    private Task Pg(string tool, string[] args) => Environment.UserName == "root"
        ? Shell.Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
        : Shell.Run(Path.Combine(_bin, tool), args);

    public async ValueTask DisposeAsync()
    {
        try { await Pg("pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "stop"]); } catch (InvalidOperationException) { }
        Directory.Delete(_dir, recursive: true);
    }
}

static class Free
{
    public static int Port()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

static class Shell
{
    public static async Task<string> Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in env ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
