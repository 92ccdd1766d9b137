using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Milestones;

public class writing_to_milestones_of_a_withdrawn_commitment(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task the_lead_institution_can_neither_report_progress_nor_rebaseline_once_the_commitment_is_withdrawn()
    {
        var admin = app.Admin();
        var nl = await Nl0025.Register(admin);
        var milestone = nl.MilestoneIds[0];
        var ministry = app.As(TrackerRole.Ministry, nl.LeadId);
        await (await ministry.Post($"/api/milestones/{milestone}/progress", new { level = "limited", narrative = "Course designed", asOf = "2016-09-30" }))
            .ShouldHaveStatus(200);
        await (await admin.Post($"/api/commitments/{nl.CommitmentId}/withdrawal", new { reason = "Merged into the participation commitment" }))
            .ShouldHaveStatus(200);
        var before = (await app.Anonymous().GetAsync($"/api/milestones/{milestone}")).Version();

        var progress = await ministry.Post($"/api/milestones/{milestone}/progress", new { level = "substantial", narrative = "Half the staff trained", asOf = "2017-06-30" });
        var rebaseline = await ministry.Post($"/api/milestones/{milestone}/rebaseline", new { newEnd = "2018-03-31", justification = "Course postponed" });

        (await progress.ShouldBeProblem(409, "commitment.withdrawn")).GetProperty("detail").GetString()!.ShouldContain("NL0025");
        await rebaseline.ShouldBeProblem(409, "commitment.withdrawn");
        var after = await app.Anonymous().Get<JsonElement>($"/api/milestones/{milestone}");
        after.GetProperty("version").GetInt64().ShouldBe(before);
        after.GetProperty("plannedEnd").GetString().ShouldBe("2018-06-30");
        after.GetProperty("progressHistory").GetArrayLength().ShouldBe(1);
    }
}
