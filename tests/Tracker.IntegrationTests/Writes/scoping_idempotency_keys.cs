using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

/// <summary>An Idempotency-Key belongs to the caller who sent it: it is never replayed to anyone else, and rights are checked first.</summary>
public class scoping_idempotency_keys(WriteWorld world) : IClassFixture<WriteWorld>
{
    private static object Report(string narrative) => new
    {
        level = "Limited", narrative, asOf = "2016-06-30",
        evidence = new[] { new { title = "Internal minutes", url = "https://intranet.example.org/minutes.pdf", visibility = "Private" } },
    };

    [Fact]
    public async Task callers_whose_ids_and_keys_split_differently_around_a_colon_do_not_share_a_key()
    {
        var first = world.As(TrackerRole.Ministry, await world.LeadId(), userId: "a");
        var second = world.As(TrackerRole.Ministry, await world.LeadId(), userId: "a:b");
        var one = await world.NewMilestone();
        var other = await world.NewMilestone();

        var firstAnswer = await first.Post($"/api/milestones/{one}/progress", Report("first"), idempotencyKey: "b:c");
        var secondAnswer = await second.Post($"/api/milestones/{other}/progress", Report("second"), idempotencyKey: "c");

        await firstAnswer.ShouldHaveStatus(200);
        await secondAnswer.ShouldHaveStatus(200);
        secondAnswer.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await secondAnswer.Read<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(other);
    }

    [Fact]
    public async Task a_ministry_of_another_institution_with_the_same_user_id_and_key_is_refused_not_replayed()
    {
        var milestone = await world.NewMilestone();
        var lead = world.As(TrackerRole.Ministry, await world.LeadId(), userId: "shared-user");
        var other = world.As(TrackerRole.Ministry, await world.OtherMinistryId(), userId: "shared-user");
        await (await lead.Post($"/api/milestones/{milestone}/progress", Report("by the lead"), idempotencyKey: "k-shared")).ShouldHaveStatus(200);

        var response = await other.Post($"/api/milestones/{milestone}/progress", Report("by the lead"), idempotencyKey: "k-shared");

        await response.ShouldBeProblem(403, "milestone.not_lead");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("intranet.example.org");
    }

    [Fact]
    public async Task a_retry_after_the_first_request_moved_the_version_still_gets_the_first_answer()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var first = await ministry.Post($"/api/milestones/{milestone}/progress", Report("once"), ifMatch: "\"1\"", idempotencyKey: "versioned");
        var retry = await ministry.Post($"/api/milestones/{milestone}/progress", Report("once"), ifMatch: "\"1\"", idempotencyKey: "versioned");

        await first.ShouldHaveStatus(200);
        await retry.ShouldHaveStatus(200);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        retry.Version().ShouldBe(first.Version());
    }
}
