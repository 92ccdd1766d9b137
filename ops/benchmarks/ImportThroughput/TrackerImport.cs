using System.Diagnostics;
using System.Text.Json;

/// <summary>
/// Runs Tracker's own <c>import-ogp</c> verb on a file against a database and reads its report, whose seconds leave
/// out the process's start-up. Shared by <c>make bench-import</c> and <c>make bench</c>.
/// </summary>
static class TrackerImport
{
    public sealed record Figures(int Taken, int AlreadyPresent, int Refused, long Events, double Seconds);

    public static async Task<Figures> RunAsync(string dll, string database, string file, string report)
    {
        var start = new ProcessStartInfo("dotnet", [dll, "import-ogp", file, "--report", report])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TRACKER_DB"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development",
                ["Logging__LogLevel__Default"] = "Warning" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"import-ogp failed ({process.ExitCode}):\n{await output}\n{await error}");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var root = json.RootElement;
        return new(root.GetProperty("taken").GetInt32(), root.GetProperty("alreadyPresent").GetInt32(), root.GetProperty("refused").GetInt32(),
            root.GetProperty("eventsAppended").GetInt64(), root.GetProperty("seconds").GetDouble());
    }
}
