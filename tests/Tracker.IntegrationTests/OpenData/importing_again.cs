using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.OpenData.Importing;

namespace Tracker.IntegrationTests.OpenData;

public class importing_again(TrackerApp app) : IClassFixture<TrackerApp>
{
    private const string Header = "Commitment Unique Identifier,Country/Locality,Action Plan Number,Commitment Number,National Or Local,"
        + "Year Of Submission,Action Plan End Year,Commitment Title,Lead Institution\r\n";

    private static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(Header + string.Concat(rows.Select(r => r + "\r\n")));

    // Any other session asking for the import's advisory lock: another instance of the API, or the import-ogp verb.
    private async Task<bool> AnotherSessionCanTakeTheImportLock()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var take = new NpgsqlCommand($"select pg_try_advisory_lock({ImportLock.LockId})", connection);
        var taken = await take.ExecuteScalarAsync() is true;
        if (taken)
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({ImportLock.LockId})", connection);
            await release.ExecuteScalarAsync();
        }
        return taken;
    }

    // In one process a second import often reuses the pooled connection of the first, whose deferred session reset
    // happens to free a lock left behind; any other session (another instance, the import-ogp verb) does not.
    [Fact]
    public async Task two_imports_in_a_row_both_run_and_neither_leaves_the_import_locked()
    {
        var first = await app.Admin().Upload(File("NL0091,Netherlands,1,91,National,2013,2015,Open data portal,Ministry of the Interior"));
        await first.ShouldHaveStatus(200);
        var freeAfterFirst = await AnotherSessionCanTakeTheImportLock();

        var second = await app.Admin().Upload(File("NL0092,Netherlands,1,92,National,2013,2015,Open spending,Ministry of Finance"));

        freeAfterFirst.ShouldBeTrue();
        await second.ShouldHaveStatus(200);
        (await second.Read<JsonElement>()).GetProperty("taken").GetInt32().ShouldBe(1);
        (await AnotherSessionCanTakeTheImportLock()).ShouldBeTrue();
    }

    [Fact]
    public async Task an_import_that_refuses_a_row_leaves_the_import_free_for_the_next()
    {
        var refused = await app.Admin().Upload(File("NL0093,Netherlands,one,93,National,2013,2015,Open contracting,Ministry of Finance"));
        await refused.ShouldHaveStatus(200);
        (await refused.Read<JsonElement>()).GetProperty("refused").GetInt32().ShouldBe(1);

        (await AnotherSessionCanTakeTheImportLock()).ShouldBeTrue();
        await (await app.Admin().Upload(File("NL0094,Netherlands,1,94,National,2013,2015,Open budgets,Ministry of Finance"))).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task an_import_refused_while_another_holds_the_lock_runs_once_the_other_has_finished()
    {
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Pooling = false }.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({ImportLock.LockId})", other)) await take.ExecuteScalarAsync();
        var file = File("NL0011,Netherlands,1,11,National,2013,2015,Open procurement,Ministry of Economic Affairs");

        var whileHeld = await app.Admin().Upload(file);
        await using (var release = new NpgsqlCommand($"select pg_advisory_unlock({ImportLock.LockId})", other)) await release.ExecuteScalarAsync();
        var afterwards = await app.Admin().Upload(file);

        await whileHeld.ShouldBeProblem(409, "import.running");
        await afterwards.ShouldHaveStatus(200);
        (await afterwards.Read<JsonElement>()).GetProperty("taken").GetInt32().ShouldBe(1);
        (await AnotherSessionCanTakeTheImportLock()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("cancelled", 5)]
    [InlineData("failed", 8)]
    public async Task an_import_cancelled_or_failing_midway_leaves_the_import_free_for_the_next(string outcome, int number)
    {
        string Row(int n, string title) => $"NL{n:0000},Netherlands,1,{n},National,2013,2015,{title},Ministry of Justice";
        var (file, _) = await OgpCsv.ReadAsync(new MemoryStream(File(Row(number, "Open registers"), Row(number + 1, "Open courts"))), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var midway = new AfterFirstRow(() =>
        {
            if (outcome == "cancelled") cancel.Cancel();
            else throw new InvalidOperationException("The progress display failed.");
        });

        var run = () => app.Services.GetRequiredService<OgpImport>().RunAsync(file!, new ImportRun("admin-1", DryRun: false), midway, cancel.Token);

        if (outcome == "cancelled") await Should.ThrowAsync<OperationCanceledException>(run);
        else await Should.ThrowAsync<InvalidOperationException>(run);
        (await AnotherSessionCanTakeTheImportLock()).ShouldBeTrue();
        await (await app.Admin().Upload(File(Row(number + 2, "Open land registry")))).ShouldHaveStatus(200);
    }

    private sealed class AfterFirstRow(Action act) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.RowsDone == 1) act();
        }
    }
}
