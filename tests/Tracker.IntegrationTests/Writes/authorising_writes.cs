using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

/// <summary>
/// Every write endpoint the application maps, tried by every kind of caller: those it is for get its success status,
/// anonymous callers 401 and everyone else 403, and a refused request appends nothing.
/// </summary>
[RunsLong(21)]
public class authorising_writes(WriteWorld world) : IClassFixture<WriteWorld>
{
    private static bool IsAllowed(AllowedCaller allowed, Who who) => (allowed, who) is (AllowedCaller.Anyone, _)
        or (AllowedCaller.Admin, Who.Admin) or (AllowedCaller.LeadMinistry, Who.LeadMinistry) or (AllowedCaller.AssignedReviewer, Who.AssignedReviewer);

    [Fact]
    public async Task each_write_answers_each_caller_as_its_role_and_object_allow()
    {
        var failures = new List<string>();
        var targets = new ReusableTargets(world);
        foreach (var endpoint in world.WriteEndpointsOfTheApplication())
        // The callers to refuse first, so that they share one target; each caller allowed then spends one.
        foreach (var who in Enum.GetValues<Who>().OrderBy(who => IsAllowed(endpoint.AllowedFor, who)))
        {
            var request = await targets.For(endpoint);
            var before = await world.EventCount();

            var response = await WriteWorld.Send(await world.Client(who), endpoint, request);
            var appended = await world.EventCount() != before;
            targets.After(endpoint, response, appended);

            var allowed = IsAllowed(endpoint.AllowedFor, who);
            var expected = allowed ? endpoint.SuccessStatus : who == Who.Anonymous ? 401 : 403;
            var status = (int)response.StatusCode;
            if (status != expected)
                failures.Add($"{endpoint.Name} as {who}: expected {expected}, got {status}: {await response.Content.ReadAsStringAsync()}");
            else if (!allowed && !WriteWorld.IsRefusalShape(endpoint, response))
                failures.Add($"{endpoint.Name} as {who}: {status} without problem details (or, for a form, its page)");
            if (!allowed && appended)
                failures.Add($"{endpoint.Name} as {who}: refused, yet events were appended");
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task every_write_endpoint_the_application_maps_is_classified()
    {
        var classified = world.WriteEndpointsOfTheApplication();

        classified.Select(e => e.Name).ShouldBe(WriteEndpoints.ByName.Keys.Order().ToList(), "classified endpoints the application no longer maps");
        classified.Count.ShouldBe(WriteEndpoints.ByName.Count);
    }
}
