using Microsoft.Extensions.Logging;
using Npgsql;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Hardening;

public class logging_refusals(LoggedWorld world) : IClassFixture<LoggedWorld>
{
    // What a hostile commenter sends: line breaks to forge log lines, and terminal escapes to repaint them.
    private const string HostileText = "Looks fine.\n2026-12-01 ERROR forged line\r\n\u001b[31mred\u001b[0m " + "padding ";

    private IReadOnlyList<LogEntry> Since(int mark) => world.Logs.Entries.Skip(mark).ToList();

    [Fact]
    public async Task refused_commands_are_one_warning_each_never_an_error_and_carry_no_raw_control_characters()
    {
        var draft = await world.NewReport(ReportStage.Draft);
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());
        await (await ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Limited", narrative = "First.", asOf = "2016-06-30" })).ShouldHaveStatus(200);
        var mark = world.Logs.Entries.Count;

        var closed = await world.Anonymous().Post($"{draft}/comments", new { author = "Someone\u001b[2J", text = string.Concat(Enumerable.Repeat(HostileText, 100)) });
        var stale = await ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Limited", narrative = HostileText, asOf = "2016-06-30" }, ifMatch: "\"1\"");
        var forbidden = await world.As(TrackerRole.Ministry, await world.OtherMinistryId())
            .Post($"/api/milestones/{milestone}/progress", new { level = "Limited", narrative = HostileText, asOf = "2016-06-30" });
        var taken = await world.Admin().Post("/api/members", new { name = "Writeland again", code = "WW", kind = "National" });
        var malformed = await world.Admin().PostRaw("/api/members", "{\"name\": \"\u001b[31m");
        var racing = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Limited", narrative = $"Racer {i}\n{HostileText}", asOf = "2016-06-30" })));

        await closed.ShouldBeProblem(409, "comments.closed");
        await stale.ShouldBeProblem(409, "version.stale");
        await forbidden.ShouldHaveStatus(403);
        await taken.ShouldHaveStatus(409);
        await malformed.ShouldBeProblem(400, "request.malformed");
        racing.ShouldAllBe(r => (int)r.StatusCode == 200);
        var logged = Since(mark);
        logged.Where(e => e.Level >= LogLevel.Error).ShouldBeEmpty(string.Join("\n---\n", logged.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}")));
        var refusals = logged.Where(e => e.Category == typeof(ProblemsExceptionHandler).FullName && e.Level == LogLevel.Warning).ToList();
        refusals.Count(e => e.Message.Contains("comments.closed")).ShouldBe(1);
        refusals.Count(e => e.Message.Contains("version.stale")).ShouldBe(1);
        foreach (var entry in logged)
        {
            entry.Message.IndexOfAny(['\n', '\r', '\u001b']).ShouldBe(-1, $"{entry.Category}: {entry.Message}");
            entry.Message.ShouldNotContain("forged line", customMessage: entry.Category);
            entry.Message.Length.ShouldBeLessThan(1_000, entry.Category);
        }
    }

    [Fact]
    public async Task a_real_failure_is_still_logged_as_an_error_and_answers_500_without_internals()
    {
        await (await world.Anonymous().GetAsync("/api/members")).ShouldHaveStatus(200);
        var mark = world.Logs.Entries.Count;
        HttpResponseMessage failed;
        await using (var connection = new NpgsqlConnection(world.ConnectionString))
        {
            await connection.OpenAsync();
            await using (var away = new NpgsqlCommand("alter table tracker.mt_doc_member rename to mt_doc_member_away", connection))
                await away.ExecuteNonQueryAsync();
            try
            {
                failed = await world.Anonymous().GetAsync("/api/members");
            }
            finally
            {
                await using var back = new NpgsqlCommand("alter table tracker.mt_doc_member_away rename to mt_doc_member", connection);
                await back.ExecuteNonQueryAsync();
            }
        }

        var body = (await failed.ShouldBeProblem(500, "server.error")).ToString();
        body.ShouldNotContain("mt_doc_member");
        body.ShouldNotContain("Exception");
        Since(mark).ShouldContain(e => e.Level == LogLevel.Error && e.Category == typeof(ProblemsExceptionHandler).FullName && e.Exception != null);
        await (await world.Anonymous().GetAsync("/api/members")).ShouldHaveStatus(200);
    }
}
