using System.Text.Json;
using Marten;
using Npgsql;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Hardening;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.Reviews;

namespace Tracker.IntegrationTests.Reviews;

public class commenting_in_public(BusyCommentPeriod world) : IClassFixture<BusyCommentPeriod>
{
    private async Task<long> ReportDocumentBytes(string reportUrl)
    {
        var planId = Guid.Parse(reportUrl.Split('/')[3]);
        await using var connection = new NpgsqlConnection(world.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select octet_length(data::text) from tracker.mt_doc_reviewreport where id = @id", connection);
        command.Parameters.AddWithValue("id", ReviewReport.IdFor(planId, ReportKind.Midterm));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task comments_are_rows_of_their_own_so_the_report_document_does_not_grow_with_them()
    {
        var report = await world.NewReport(ReportStage.PublicComment);
        var client = world.Anonymous();
        await (await client.Post($"{report}/comments", new { author = "Commenter", text = "The first comment." })).ShouldHaveStatus(201);
        var afterOne = await ReportDocumentBytes(report);

        for (var comment = 2; comment <= 40; comment++)
            await (await client.Post($"{report}/comments", new { author = "Commenter", text = $"Comment {comment}: {new string('x', 2_000)}" })).ShouldHaveStatus(201);

        (await ReportDocumentBytes(report)).ShouldBeLessThanOrEqualTo(afterOne + 8);
        var read = await world.Anonymous().Get<JsonElement>(report);
        read.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()![..10])
            .ShouldBe(["The first ", .. Enumerable.Range(2, 39).Select(n => $"Comment {n}:"[..10])]);
    }

    [Fact]
    public async Task a_comment_on_a_commitment_that_is_not_in_the_plan_is_refused_naming_the_code()
    {
        var report = await world.NewReport(ReportStage.PublicComment);
        var before = await world.EventCount();

        var refused = await world.Anonymous().Post($"{report}/comments", new { author = "Commenter", text = "About another plan.", commitmentCode = "NL9999" });

        (await refused.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("commitmentCode", out _).ShouldBeTrue();
        (await world.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_commitment_code_typed_in_lower_case_with_spaces_is_stored_as_the_code_itself()
    {
        var report = await world.NewReport(ReportStage.PublicComment);
        var code = (await world.Anonymous().Get<JsonElement>($"/api/commitments/{world.CommitmentOf(report)}")).GetProperty("code").GetString()!;

        await (await world.Anonymous().Post($"{report}/comments", new { author = "Commenter", text = "About this one.", commitmentCode = $" {code.ToLowerInvariant()} " }))
            .ShouldHaveStatus(201);

        var read = await world.Anonymous().Get<JsonElement>(report);
        read.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("text").GetString() == "About this one.")
            .GetProperty("commitmentCode").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task a_comment_retried_with_the_same_idempotency_key_is_stored_once_and_gets_the_first_answer()
    {
        var report = await world.NewReport(ReportStage.PublicComment);
        var client = world.Anonymous();
        var body = new { author = "Open State Foundation", text = "Sent twice over a bad line." };

        var first = await client.Post($"{report}/comments", body, idempotencyKey: "comment-osf-1");
        var retry = await client.Post($"{report}/comments", body, idempotencyKey: "comment-osf-1");

        await first.ShouldHaveStatus(201);
        await retry.ShouldHaveStatus(201);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await world.Anonymous().Get<JsonElement>(report)).GetProperty("comments").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task the_comment_answer_counts_the_comments_and_carries_the_new_version()
    {
        var report = await world.NewReport(ReportStage.PublicComment);
        var client = world.Anonymous();
        await (await client.Post($"{report}/comments", new { author = "A", text = "One." })).ShouldHaveStatus(201);

        var second = await client.Post($"{report}/comments", new { author = "B", text = "Two." });

        await second.ShouldHaveStatus(201);
        var summary = await second.Read<JsonElement>();
        summary.GetProperty("comments").GetInt32().ShouldBe(2);
        second.Version().ShouldBe(summary.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task a_comment_too_long_is_refused_naming_the_field_and_stores_nothing()
    {
        var report = await world.NewReport(ReportStage.PublicComment);

        var refused = await world.Anonymous().Post($"{report}/comments", new { author = "A", text = new string('x', 10_001) });

        var problem = await refused.ShouldBeProblem(400);
        problem.GetProperty("errors").TryGetProperty("text", out _).ShouldBeTrue();
        await using var session = world.Store.QuerySession();
        (await session.Query<ReportComment>().CountAsync(c => c.ReportId == ReviewReport.IdFor(Guid.Parse(report.Split('/')[3]), ReportKind.Midterm))).ShouldBe(0);
    }

    [Fact]
    public async Task a_person_comments_from_the_review_page_and_reads_the_comment_there()
    {
        var report = await world.NewReport(ReportStage.PublicComment);
        var page = "/plans/" + report.Split('/')[3] + "/reviews/midterm";
        var browser = world.Browser();
        var html = await browser.GetStringAsync(page);
        html.ShouldContain("Comment on this review");

        var sent = await browser.PostForm(page + "/comments", [new("author", "Open State Foundation"), new("commitmentCode", ""),
            new("text", "The course reached six of eleven tranches only.")], await browser.TokenFrom(page));

        sent.StatusCode.ShouldBe(System.Net.HttpStatusCode.SeeOther);
        sent.Headers.Location!.ToString().ShouldBe(page + "#comments");
        (await browser.GetStringAsync(page)).ShouldContain("The course reached six of eleven tranches only.");
    }

    [Fact]
    public async Task a_comment_refused_on_the_review_page_shows_why_beside_the_field_and_keeps_what_was_typed()
    {
        var report = await world.NewReport(ReportStage.PublicComment);
        var page = "/plans/" + report.Split('/')[3] + "/reviews/midterm";
        var browser = world.Browser();
        var before = await world.EventCount();

        var refused = await browser.PostForm(page + "/comments", [new("author", "Open State Foundation"), new("commitmentCode", "NL9999"),
            new("text", "Typed with care.")], await browser.TokenFrom(page));

        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"commitmentCode-error\"");
        html.ShouldContain("Typed with care.</textarea>");
        html.ShouldContain("value=\"Open State Foundation\"");
        (await world.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_published_review_page_has_no_comment_form()
    {
        var report = await world.NewReport(ReportStage.Published);

        var html = await world.Anonymous().GetStringAsync("/plans/" + report.Split('/')[3] + "/reviews/midterm");

        html.ShouldNotContain("Comment on this review");
    }
}
