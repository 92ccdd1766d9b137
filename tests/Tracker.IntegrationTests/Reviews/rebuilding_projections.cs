using System.Text.Json;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Commitments;
using Tracker.Dashboard;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.Members;
using Tracker.Milestones;
using Tracker.Plans;
using Tracker.Reviews;

namespace Tracker.IntegrationTests.Reviews;

public class rebuilding_projections(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task rebuilding_every_projection_from_the_event_store_gives_the_views_the_live_projections_gave()
    {
        var nl = await Nl0025.Register(app.Admin());
        var ministry = app.As(TrackerRole.Ministry, nl.LeadId);
        await (await ministry.Post($"/api/milestones/{nl.MilestoneIds[0]}/progress", new { level = "Complete", asOf = "2016-12-01", narrative = "All tranches attended." })).ShouldHaveStatus(200);
        await (await ministry.Post($"/api/milestones/{nl.MilestoneIds[1]}/progress", new { level = "Limited", asOf = "2016-12-15", narrative = "Ten files adapted." })).ShouldHaveStatus(200);
        await (await ministry.Post($"/api/milestones/{nl.MilestoneIds[1]}/rebaseline", new { newEnd = "2018-06-30", justification = "Reorganisation." })).ShouldHaveStatus(200);
        var admin = app.Admin();
        var midterm = $"/api/plans/{nl.PlanId}/reviews/midterm";
        await (await admin.Post(midterm, new { })).ShouldHaveStatus(201);
        await (await admin.Post($"{midterm}/reviewers", new { reviewerId = "irm-1", name = "IRM researcher", isLead = true })).ShouldHaveStatus(200);
        var reviewer = app.As(TrackerRole.Reviewer, userId: "irm-1");
        foreach (var (indicator, value) in new[] { ("Specificity", "Low"), ("Relevance", "CivicParticipation"), ("PotentialImpact", "Minor"), ("Completion", "Limited") })
            await (await reviewer.Post($"{midterm}/assessments", new { commitmentId = nl.CommitmentId, indicator, value })).ShouldHaveStatus(200);
        string[] urls = [$"/api/plans/{nl.PlanId}", "/api/commitments/NL0025", $"/api/milestones/{nl.MilestoneIds[1]}", midterm,
            $"/api/plans/{nl.PlanId}/dashboard", $"/api/plans/{nl.PlanId}/commitments", "/api/institutions", "/api/members"];
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var live = await Read(urls, app.As(TrackerRole.Admin));

        var daemon = app.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<Member>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<Institution>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<Plan>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<Commitment>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<Milestone>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<ProgressRecordProjection>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<ReviewReport>(CancellationToken.None);
        await daemon.RebuildProjectionAsync<PlanDashboardProjection>(CancellationToken.None);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var rebuilt = await Read(urls, app.As(TrackerRole.Admin));

        rebuilt.ShouldBe(live);
        live[3].ShouldContain("\"specificity\":\"low\"");
    }

    private static async Task<string[]> Read(IEnumerable<string> urls, HttpClient client)
    {
        var bodies = new List<string>();
        foreach (var url in urls) bodies.Add(JsonSerializer.Serialize(await client.Get<JsonElement>(url)));
        return [.. bodies];
    }
}
