using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Tracker.Tests.Build;

/// <summary>
/// The package graph is locked: a restore takes exactly the graph in packages.lock.json, or fails. Shown on a copy of
/// the smallest locked project of the repository (the import benchmark) with the repository's own package settings.
/// </summary>
public partial class restoring_the_locked_package_graph : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("tracker-locked-restore-").FullName;

    [Fact]
    public async Task a_project_whose_lock_file_matches_restores_in_locked_mode()
    {
        var project = CopyLockedProject();

        var (exitCode, output) = await Restore(project);

        exitCode.ShouldBe(0, output);
    }

    [Fact]
    public async Task a_lock_file_that_no_longer_matches_the_project_fails_the_restore()
    {
        var project = CopyLockedProject();
        var lockFile = Path.Combine(Path.GetDirectoryName(project)!, "packages.lock.json");
        // The graph the project asks for (Npgsql as pinned) is no longer the one the lock file recorded.
        var locked = await File.ReadAllTextAsync(lockFile);
        var tampered = NpgsqlRequested().Replace(locked, "\"requested\": \"[9.0.3, )\"", 1);
        tampered.ShouldNotBe(locked);
        await File.WriteAllTextAsync(lockFile, tampered);

        var (exitCode, output) = await Restore(project);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("NU1004");
    }

    private string CopyLockedProject()
    {
        var root = RepositoryRoot();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "global.json" })
            File.Copy(Path.Combine(root, file), Path.Combine(_scratch, file));
        var feed = Path.Combine(_scratch, "ops", "local-feed");
        Directory.CreateDirectory(feed);
        foreach (var package in Directory.GetFiles(Path.Combine(root, "ops", "local-feed")))
            File.Copy(package, Path.Combine(feed, Path.GetFileName(package)));
        var source = Path.Combine(root, "ops", "benchmarks", "ImportThroughput");
        var target = Path.Combine(_scratch, "ops", "benchmarks", "ImportThroughput");
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "ImportThroughput.csproj", "packages.lock.json" })
            File.Copy(Path.Combine(source, file), Path.Combine(target, file));
        return Path.Combine(target, "ImportThroughput.csproj");
    }

    private static async Task<(int ExitCode, string Output)> Restore(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", project, "--locked-mode", "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Tracker.sln"))) return directory.FullName;
        throw new InvalidOperationException("Tracker.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("(?<=\"Npgsql\": \\{\\s*\"type\": \"Direct\",\\s*)\"requested\": \"\\[10\\.0\\.3, \\)\"")]
    private static partial Regex NpgsqlRequested();

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
