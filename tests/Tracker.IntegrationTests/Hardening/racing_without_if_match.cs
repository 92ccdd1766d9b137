using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Hardening;

/// <summary>A host that takes as many public comments as the test sends.</summary>
public class BusyCommentPeriod : WriteWorld
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:RateLimits:PublicComments:PermitLimit"] = "10000",
    };
}

public class racing_without_if_match(BusyCommentPeriod world) : IClassFixture<BusyCommentPeriod>
{
    [Fact]
    public async Task eight_anonymous_commenters_racing_on_one_report_all_get_201_and_every_comment_is_stored()
    {
        var report = await world.NewReport(ReportStage.PublicComment);

        var statuses = await Task.WhenAll(Enumerable.Range(1, 8).Select(async commenter =>
        {
            var client = world.Anonymous();
            var answers = new List<int>();
            for (var comment = 1; comment <= 25; comment++)
                answers.Add((int)(await client.Post($"{report}/comments", new { author = $"Commenter {commenter}", text = $"Comment {comment} of commenter {commenter}." })).StatusCode);
            return answers;
        }));

        statuses.SelectMany(s => s).ShouldAllBe(status => status == 201);
        var read = await world.Anonymous().Get<JsonElement>(report);
        read.GetProperty("comments").GetArrayLength().ShouldBe(200);
        read.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()).Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public async Task progress_reports_racing_without_if_match_on_one_milestone_all_succeed_and_are_all_stored()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var statuses = await Task.WhenAll(Enumerable.Range(1, 6).Select(async writer =>
        {
            var answers = new List<string>();
            for (var report = 1; report <= 5; report++)
            {
                var response = await ministry.Post($"/api/milestones/{milestone}/progress",
                    new { level = "Limited", narrative = $"Report {report} of writer {writer}.", asOf = "2016-06-30" });
                answers.Add((int)response.StatusCode == 200 ? "200" : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            return answers;
        }));

        statuses.SelectMany(s => s).Where(s => s != "200").ShouldBeEmpty();
        var history = await world.Anonymous().Get<JsonElement[]>($"/api/streams/{milestone}/history");
        history.Count(e => e.GetProperty("type").GetString() == "milestone_progress_reported").ShouldBe(30);
        history.Select(e => e.GetProperty("version").GetInt64()).ShouldBe(Enumerable.Range(1, history.Length).Select(v => (long)v));
    }

    [Fact]
    public async Task writers_racing_with_the_same_if_match_still_get_409_with_the_current_version()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var responses = await Task.WhenAll(Enumerable.Range(1, 4).Select(writer =>
            ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Limited", narrative = $"Writer {writer}.", asOf = "2016-06-30" }, ifMatch: "\"1\"")));

        responses.Count(r => (int)r.StatusCode == 200).ShouldBe(1);
        foreach (var loser in responses.Where(r => (int)r.StatusCode != 200))
            (await loser.ShouldBeProblem(409, "version.stale")).GetProperty("currentVersion").GetInt64().ShouldBe(2);
    }
}
