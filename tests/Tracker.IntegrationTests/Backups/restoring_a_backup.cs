using System.Diagnostics;
using System.Text.Json;
using Marten;
using Marten.Events;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.IntegrationTests.OpenData;

namespace Tracker.IntegrationTests.Backups;

/// <summary>A host on a database restored from a backup.</summary>
public class RestoredTracker(string connectionString) : TrackerApp
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
}

[RunsLong(21)]
public class restoring_a_backup(ImportedSample source) : IClassFixture<ImportedSample>
{
    // make backup and make restore-backup run these scripts; the test runs them the same way, on the test databases.
    private static async Task Run(string script, string database, params string[] arguments)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ops", script))) root = root.Parent ?? throw new FileNotFoundException($"ops/{script} above {AppContext.BaseDirectory}");
        var start = new ProcessStartInfo("bash", [Path.Combine("ops", script), .. arguments])
        {
            WorkingDirectory = root.FullName, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["TRACKER_DB"] = database },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"ops/{script}: {await output}{await errors}");
    }

    // Every public view of the data, and the admin's: lists, each plan with its commitments, dashboard, reviews and
    // history, each commitment page and history, and both exports.
    private static async Task<Dictionary<string, string>> Views(TrackerApp app)
    {
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var client = app.As(TrackerRole.Admin);
        var views = new Dictionary<string, string>();
        async Task<string> Read(string url)
        {
            var response = await client.GetAsync(url);
            // Problem answers carry a trace id of their own; their status is what must match.
            return views[url] = (int)response.StatusCode == 200 ? await response.Content.ReadAsStringAsync() : $"status {(int)response.StatusCode}";
        }
        foreach (var url in new[] { "/api/members", "/api/institutions", "/api/export/commitments.csv", "/api/export/commitments.json" }) await Read(url);
        foreach (var plan in JsonDocument.Parse(await Read("/api/plans")).RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()))
        {
            foreach (var view in new[] { "", "/dashboard", "/reviews/midterm", "/reviews/end-of-term", "/reviews/midterm/workbench" }) await Read($"/api/plans/{plan}{view}");
            await Read($"/api/streams/{plan}/history");
            foreach (var commitment in JsonDocument.Parse(await Read($"/api/plans/{plan}/commitments")).RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()))
            {
                await Read($"/api/commitments/{commitment}");
                await Read($"/api/streams/{commitment}/history");
            }
        }
        return views;
    }

    [Fact]
    public async Task a_host_on_a_database_restored_from_a_backup_serves_identical_views()
    {
        var before = await Views(source);
        var dump = Path.Combine(Path.GetTempPath(), $"tracker-backup-test-{Environment.ProcessId}-{Guid.NewGuid():N}.dump");
        var restoredDatabase = await PostgresServer.CreateDatabaseAsync("restored");
        var restored = new RestoredTracker(restoredDatabase);
        try
        {
            await Run("backup.sh", source.ConnectionString, dump);
            await Run("restore-backup.sh", restoredDatabase, dump);
            await restored.InitializeAsync();

            var after = await Views(restored);

            before.Count.ShouldBeGreaterThan(150);
            before["/api/export/commitments.csv"].Length.ShouldBeGreaterThan(100_000);
            after.Keys.Order().ShouldBe(before.Keys.Order());
            foreach (var (url, view) in before) after[url].ShouldBe(view, url);
            (await restored.Store.Advanced.FetchEventStoreStatistics()).EventCount.ShouldBe((await source.Store.Advanced.FetchEventStoreStatistics()).EventCount);
        }
        finally
        {
            await restored.DisposeAsync();
            File.Delete(dump);
        }
    }
}
