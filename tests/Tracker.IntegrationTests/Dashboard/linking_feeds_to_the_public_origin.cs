using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Dashboard;

/// <summary>A host published at a configured origin.</summary>
public class PublishedAtAnOrigin : TrackerApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:PublicOrigin"] = "https://tracker.example.gov/",
    };
}

/// <summary>A feed's links point to where Tracker is published, whatever Host header the request carried.</summary>
public class linking_feeds_to_the_public_origin(PublishedAtAnOrigin app) : IClassFixture<PublishedAtAnOrigin>
{
    [Fact]
    public async Task a_forged_host_header_puts_no_address_of_its_own_into_the_feeds()
    {
        var nl = await Nl0025.Register(app.Admin());
        await (await app.As(TrackerRole.Ministry, nl.LeadId).Post($"/api/milestones/{nl.MilestoneIds[0]}/progress",
            new { level = "Limited", asOf = "2017-06-30", narrative = "Started." })).ShouldHaveStatus(200);

        foreach (var feed in new[] { $"/plans/{nl.PlanId}/updates.atom", $"/institutions/{nl.LeadId}/updates.atom", $"/institutions/{nl.LeadId}/reminders.atom" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, feed);
            request.Headers.Host = "attacker.example";

            var xml = await (await app.Anonymous().SendAsync(request)).Content.ReadAsStringAsync();

            xml.ShouldContain("https://tracker.example.gov/", customMessage: feed);
            xml.ShouldNotContain("attacker.example", customMessage: feed);
        }
    }
}
