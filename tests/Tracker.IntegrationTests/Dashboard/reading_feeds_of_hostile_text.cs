using System.Xml.Linq;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Dashboard;

/// <summary>
/// A report whose text carries characters XML cannot hold (a bell, an escape) keeps the public feeds readable for
/// everyone: the characters show as U+FFFD, the rest of the text as it was written. Before, every reader got a 500.
/// </summary>
public class reading_feeds_of_hostile_text(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task the_plan_institution_and_reminder_feeds_stay_valid_xml_with_control_characters_in_what_was_written()
    {
        var nl = await Nl0025.Register(app.Admin());
        var ministry = app.As(TrackerRole.Ministry, nl.LeadId);
        await (await ministry.Post($"/api/milestones/{nl.MilestoneIds[0]}/progress", new
        {
            level = "Limited", asOf = "2017-06-30", narrative = "Bell\u0007 and escape\u001b here.",
            evidence = new[] { new { title = "Report\u0002", url = "https://example.org/report" } },
        })).ShouldHaveStatus(200);
        await (await app.Admin().Post($"/api/commitments/{nl.CommitmentId}/milestones", new
        {
            text = "Due\u0001 soon", plannedStart = "2016-07-01", plannedEnd = "2018-06-30",
        })).ShouldHaveStatus(201);

        foreach (var feed in new[] { $"/plans/{nl.PlanId}/updates.atom", $"/institutions/{nl.LeadId}/updates.atom", $"/institutions/{nl.LeadId}/reminders.atom" })
        {
            var response = await app.Anonymous().GetAsync(feed);
            await response.ShouldHaveStatus(200);
            var text = XDocument.Parse(await response.Content.ReadAsStringAsync()).ToString();
            text.IndexOfAny(['\u0001', '\u0002', '\u0007', '\u001b']).ShouldBe(-1, feed);
        }
        var plan = await app.Anonymous().GetStringAsync($"/plans/{nl.PlanId}/updates.atom");
        plan.ShouldContain("Bell\uFFFD and escape\uFFFD here.");
        plan.ShouldContain("Evidence: Report\uFFFD &lt;https://example.org/report&gt;");
        (await app.Anonymous().GetStringAsync($"/institutions/{nl.LeadId}/reminders.atom")).ShouldContain("Due\uFFFD soon");
    }
}
