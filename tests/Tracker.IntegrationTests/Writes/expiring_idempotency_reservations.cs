using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

/// <summary>A host whose clock the test moves: reservations expire by it.</summary>
public sealed class ClockedWriteWorld : WriteWorld
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public class expiring_idempotency_reservations(ClockedWriteWorld world) : IClassFixture<ClockedWriteWorld>
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    private static object Report(string narrative) => new { level = "Limited", narrative, asOf = "2016-06-30" };

    // What a request leaves behind when it dies between its commit and its answer: the reservation, its events, no answer.
    private async Task ForgetTheAnswer(Caller caller, string clientKey)
    {
        await using var session = world.Store.LightweightSession();
        var key = Tracker.Infrastructure.Writes.IdempotencyScope(caller, clientKey);
        var stored = await session.LoadAsync<IdempotentRequest>(key);
        stored.ShouldNotBeNull();
        session.Store(new IdempotentRequest { Id = key, Fingerprint = stored.Fingerprint, ReservedAt = world.Clock.GetUtcNow() });
        await session.SaveChangesAsync();
    }

    private async Task<int> EventsOf(Guid stream)
    {
        await using var session = world.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Count;
    }

    [Fact]
    public async Task a_key_whose_request_died_after_commit_answers_409_until_it_expires_then_the_first_answer()
    {
        var lead = await world.LeadId();
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, lead);
        var url = $"/api/milestones/{milestone}/progress";
        var first = await ministry.Post(url, Report("died before answering"), idempotencyKey: "died-after-commit");
        await first.ShouldHaveStatus(200);
        var firstBody = await first.Content.ReadAsStringAsync();
        await ForgetTheAnswer(new Caller("ministry-1", TrackerRole.Ministry, lead), "died-after-commit");

        var meanwhile = await ministry.Post(url, Report("died before answering"), idempotencyKey: "died-after-commit");
        await meanwhile.ShouldBeProblem(409, "idempotency.in_progress");
        meanwhile.Headers.RetryAfter!.Delta.ShouldBe(Expiry);

        world.Clock.Advance(Expiry);
        var retry = await ministry.Post(url, Report("died before answering"), idempotencyKey: "died-after-commit");

        await retry.ShouldHaveStatus(200);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        retry.Headers.ETag!.Tag.ShouldBe(first.Headers.ETag!.Tag);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        (await EventsOf(milestone)).ShouldBe(2);
        var again = await ministry.Post(url, Report("died before answering"), idempotencyKey: "died-after-commit");
        (await again.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        (await EventsOf(milestone)).ShouldBe(2);
    }

    [Fact]
    public async Task a_creation_whose_answer_was_lost_answers_with_the_stream_it_created_once_the_key_expires()
    {
        var admin = world.Admin();
        var body = new { code = world.NextCode(), number = "03", title = "Open contracting", leadInstitutionId = await world.LeadId() };
        var url = $"/api/plans/{await world.PlanId()}/commitments";
        var first = await admin.Post(url, body, idempotencyKey: "register-oc");
        await first.ShouldHaveStatus(201);
        await ForgetTheAnswer(new Caller("admin-1", TrackerRole.Admin, null), "register-oc");

        world.Clock.Advance(Expiry + TimeSpan.FromSeconds(1));
        var retry = await admin.Post(url, body, idempotencyKey: "register-oc");

        await retry.ShouldHaveStatus(201);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        var commitments = await world.Anonymous().Get<JsonElement[]>($"/api/plans/{await world.PlanId()}/commitments");
        commitments.Count(c => c.GetProperty("code").GetString() == body.code).ShouldBe(1);
    }

    [Fact]
    public async Task an_expired_reservation_that_appended_nothing_is_released_and_the_request_runs_once()
    {
        var admin = world.Admin();
        var key = Tracker.Infrastructure.Writes.IdempotencyScope(new Caller("admin-1", TrackerRole.Admin, null), "never-appended");
        await using (var session = world.Store.LightweightSession())
        {
            session.Insert(new IdempotentRequest { Id = key, ReservedAt = world.Clock.GetUtcNow() });
            await session.SaveChangesAsync();
        }
        var body = new { name = $"Ministry of Reservations {world.Next()}", kind = "Government", memberId = await world.MemberId() };

        await (await admin.Post("/api/institutions", body, idempotencyKey: "never-appended")).ShouldBeProblem(409, "idempotency.in_progress");
        world.Clock.Advance(Expiry);
        var retry = await admin.Post("/api/institutions", body, idempotencyKey: "never-appended");
        var replay = await admin.Post("/api/institutions", body, idempotencyKey: "never-appended");

        await retry.ShouldHaveStatus(201);
        (await replay.Content.ReadAsStringAsync()).ShouldBe(await retry.Content.ReadAsStringAsync());
        var institutions = await world.Anonymous().Get<JsonElement[]>("/api/institutions");
        institutions.Count(i => i.GetProperty("name").GetString() == body.name).ShouldBe(1);
    }

    [Fact]
    public async Task an_expired_key_is_still_refused_to_a_different_request()
    {
        var lead = await world.LeadId();
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, lead);
        await (await ministry.Post($"/api/milestones/{milestone}/progress", Report("the first"), idempotencyKey: "reused-later")).ShouldHaveStatus(200);
        await ForgetTheAnswer(new Caller("ministry-1", TrackerRole.Ministry, lead), "reused-later");
        world.Clock.Advance(Expiry);

        var other = await ministry.Post($"/api/milestones/{milestone}/progress", Report("another"), idempotencyKey: "reused-later");

        await other.ShouldBeProblem(422, "idempotency.key_reused");
        (await EventsOf(milestone)).ShouldBe(2);
    }
}
