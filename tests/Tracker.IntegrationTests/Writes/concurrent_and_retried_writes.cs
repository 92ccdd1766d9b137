using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

public class concurrent_and_retried_writes(WriteWorld world) : IClassFixture<WriteWorld>
{
    private static object Report(string narrative) => new { level = "Limited", narrative, asOf = "2016-06-30" };

    private async Task<int> ReportsIn(Guid milestone) =>
        (await world.Anonymous().Get<JsonElement[]>($"/api/streams/{milestone}/history"))
        .Count(e => e.GetProperty("type").GetString() == "milestone_progress_reported");

    [Fact]
    public async Task two_writers_with_the_same_expected_version_one_wins_and_the_other_gets_409_with_the_current_version()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());
        var read = await ministry.GetAsync($"/api/milestones/{milestone}");
        var etag = read.Headers.ETag!.Tag;
        etag.ShouldBe("\"1\"");

        var responses = await Task.WhenAll(
            ministry.Post($"/api/milestones/{milestone}/progress", Report("writer A"), ifMatch: etag),
            ministry.Post($"/api/milestones/{milestone}/progress", Report("writer B"), ifMatch: etag));

        responses.Select(r => (int)r.StatusCode).Order().ShouldBe([200, 409]);
        var loser = responses.Single(r => (int)r.StatusCode == 409);
        var problem = await loser.ShouldBeProblem(409, "version.stale");
        problem.GetProperty("currentVersion").GetInt64().ShouldBe(2);
        var winner = await responses.Single(r => (int)r.StatusCode == 200).Read<JsonElement>();
        var page = await world.Anonymous().Get<JsonElement>($"/api/milestones/{milestone}");
        page.GetProperty("progressHistory").EnumerateArray().Select(p => p.GetProperty("narrative").GetString())
            .ShouldBe([winner.GetProperty("latestProgress").GetProperty("narrative").GetString()]);
        (await ReportsIn(milestone)).ShouldBe(1);
    }

    [Fact]
    public async Task a_stale_if_match_is_refused_and_appends_nothing()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());
        await (await ministry.Post($"/api/milestones/{milestone}/progress", Report("first"), ifMatch: "\"1\"")).ShouldHaveStatus(200);

        var stale = await ministry.Post($"/api/milestones/{milestone}/progress", Report("second"), ifMatch: "\"1\"");

        (await stale.ShouldBeProblem(409, "version.stale")).GetProperty("currentVersion").GetInt64().ShouldBe(2);
        (await ReportsIn(milestone)).ShouldBe(1);
    }

    [Fact]
    public async Task a_request_retried_with_the_same_idempotency_key_appends_once_and_gets_the_first_answer()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var first = await ministry.Post($"/api/milestones/{milestone}/progress", Report("once"), idempotencyKey: "report-2016-06");
        var retry = await ministry.Post($"/api/milestones/{milestone}/progress", Report("once"), idempotencyKey: "report-2016-06");

        await first.ShouldHaveStatus(200);
        await retry.ShouldHaveStatus(200);
        retry.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag!.Tag);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await ReportsIn(milestone)).ShouldBe(1);
    }

    [Fact]
    public async Task a_retried_creation_answers_with_the_stream_it_created_the_first_time()
    {
        var admin = world.Admin();
        var body = new { code = world.NextCode(), number = "02", title = "Beneficial ownership register", leadInstitutionId = await world.LeadId() };
        var url = $"/api/plans/{await world.PlanId()}/commitments";

        var first = await admin.Post(url, body, idempotencyKey: "register-bo");
        var retry = await admin.Post(url, body, idempotencyKey: "register-bo");

        await first.ShouldHaveStatus(201);
        await retry.ShouldHaveStatus(201);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        var commitments = await world.Anonymous().Get<JsonElement[]>($"/api/plans/{await world.PlanId()}/commitments");
        commitments.Count(c => c.GetProperty("code").GetString() == body.code).ShouldBe(1);
    }

    [Fact]
    public async Task an_idempotency_key_reused_for_a_different_request_is_refused()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());
        await (await ministry.Post($"/api/milestones/{milestone}/progress", Report("first"), idempotencyKey: "k-1")).ShouldHaveStatus(200);

        var reused = await ministry.Post($"/api/milestones/{milestone}/progress", Report("different"), idempotencyKey: "k-1");

        await reused.ShouldBeProblem(422, "idempotency.key_reused");
        (await ReportsIn(milestone)).ShouldBe(1);
    }

    [Fact]
    public async Task concurrent_retries_with_the_same_key_append_once()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            ministry.Post($"/api/milestones/{milestone}/progress", Report("racing"), idempotencyKey: "race-1")));

        responses.ShouldAllBe(r => (int)r.StatusCode == 200 || (int)r.StatusCode == 409);
        responses.ShouldContain(r => (int)r.StatusCode == 200);
        (await ReportsIn(milestone)).ShouldBe(1);
    }
}
