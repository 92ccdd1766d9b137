using System.Text.RegularExpressions;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

/// <summary>A write whose URL names a plan, commitment, milestone or report that does not exist answers 404 and appends nothing.</summary>
public partial class writing_to_streams_that_do_not_exist(WriteWorld world) : IClassFixture<WriteWorld>
{
    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex AnId();

    [Fact]
    public async Task every_write_to_an_id_that_names_nothing_answers_404_and_appends_nothing()
    {
        var failures = new List<string>();
        foreach (var endpoint in world.WriteEndpointsOfTheApplication())
        {
            var request = await endpoint.Arrange(world);
            if (!AnId().IsMatch(request.Url)) continue; // registrations of new members, institutions, plans; the import
            var targets = new List<(string What, string Url)> { ("an unknown id", AnId().Replace(request.Url, Guid.NewGuid().ToString(), 1)) };
            if (request.Url.Contains("/reviews/", StringComparison.Ordinal) && endpoint.Name != "OpenReviewReport")
                targets.Add(("a plan with no report", AnId().Replace(request.Url, (await world.NewPlan()).ToString(), 1)));

            foreach (var (what, url) in targets)
            {
                var before = await world.EventCount();
                var response = await WriteWorld.Send(await world.Allowed(endpoint), endpoint, request with { Url = url });
                if ((int)response.StatusCode != 404 || !WriteWorld.IsRefusalShape(endpoint, response))
                    failures.Add($"{endpoint.Name} on {what}: expected 404 problem details, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                if (await world.EventCount() != before) failures.Add($"{endpoint.Name} on {what}: events were appended");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_write_that_names_a_stream_of_another_kind_answers_404()
    {
        var milestone = await world.NewMilestone();

        var response = await world.Admin().Post($"/api/plans/{milestone}/amendments",
            new { title = "Amended", periodStart = "2016-01-01", periodEnd = "2018-12-31", midtermCutoff = "2017-06-30", reason = "Wrong id" });

        await response.ShouldBeProblem(404, "plan.not_found");
    }
}
