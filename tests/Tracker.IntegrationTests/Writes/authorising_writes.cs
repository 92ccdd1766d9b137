using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

public class authorising_writes(WriteWorld world) : IClassFixture<WriteWorld>
{
    public enum Who { Anonymous, Admin, Reviewer, LeadMinistry, OtherMinistry }

    public static TheoryData<string, Who> Matrix()
    {
        var data = new TheoryData<string, Who>();
        foreach (var endpoint in WriteEndpoints.All)
        foreach (var who in Enum.GetValues<Who>())
            data.Add(endpoint.Name, who);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task each_write_answers_each_caller_as_its_role_and_object_allow(string endpointName, Who who)
    {
        var endpoint = WriteEndpoints.Named(endpointName);
        var (url, body) = await endpoint.Arrange(world);
        var client = who switch
        {
            Who.Anonymous => world.Anonymous(),
            Who.Admin => world.Admin(),
            Who.Reviewer => world.As(TrackerRole.Reviewer),
            Who.LeadMinistry => world.As(TrackerRole.Ministry, await world.LeadId()),
            _ => world.As(TrackerRole.Ministry, await world.OtherMinistryId()),
        };

        var response = await client.Post(url, body);

        var allowed = (endpoint.AllowedFor, who) is (AllowedCaller.Admin, Who.Admin) or (AllowedCaller.LeadMinistry, Who.LeadMinistry);
        var expected = allowed ? endpoint.SuccessStatus : who == Who.Anonymous ? 401 : 403;
        await response.ShouldHaveStatus(expected);
        if (!allowed) await response.ShouldBeProblem(expected);
    }
}
