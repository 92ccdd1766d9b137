using System.Text.Json;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.IntegrationTests.Reviews;

/// <summary>
/// A published rating is a fact: publication and each erratum freeze the ratings they computed into their events, and
/// every view reads those. History written under another rule table (here: an erratum whose entry was computed under the
/// 2014 star rule) stays as it was written when the projections are rebuilt, while a draft follows today's rules.
/// </summary>
public class published_reports_are_facts(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task rebuilding_the_projections_leaves_published_ratings_as_their_events_froze_them_and_recomputes_drafts()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Factland", "FL");
        var lead = await Arrange.Institution(admin, member, "Ministry of Facts");
        var plan = await Arrange.Plan(admin, member, "Factland 2016-2018", "2016-01-01", "2018-06-30", 1);
        var commitment = await Arrange.Commitment(admin, plan, "FL0001", lead);
        var reviewer = app.As(TrackerRole.Reviewer, userId: "irm-1");
        foreach (var kind in new[] { "midterm", "end-of-term" })
        {
            var url = $"/api/plans/{plan}/reviews/{kind}";
            await (await admin.Post(url, new { })).ShouldHaveStatus(201);
            await (await admin.Post($"{url}/reviewers", new { reviewerId = "irm-1", name = "IRM researcher", isLead = true })).ShouldHaveStatus(200);
            foreach (var (indicator, value) in new[] { ("Specificity", "Medium"), ("Relevance", "CivicParticipation"), ("PotentialImpact", "Moderate"), ("Completion", "Complete") })
                await (await reviewer.Post($"{url}/assessments", new { commitmentId = commitment, indicator, value })).ShouldHaveStatus(200);
        }
        var midterm = $"/api/plans/{plan}/reviews/midterm";
        await (await admin.Post($"{midterm}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })).ShouldHaveStatus(200);
        await (await admin.PostAsync($"{midterm}/publication", null)).ShouldHaveStatus(200);
        await (await admin.Post($"{midterm}/errata", new { commitmentId = commitment, indicator = "Specificity", value = "High", reason = "Misread the milestones." })).ShouldHaveStatus(200);

        // The erratum froze its entry: under today's (2015) rule a moderate ambition is not starred.
        var reportId = ReviewReport.IdFor(plan, ReportKind.Midterm);
        await using (var session = app.Store.QuerySession())
        {
            var erratum = (await session.Events.FetchStreamAsync(reportId)).Select(e => e.Data).OfType<ErratumIssued>().Single();
            erratum.Corrected.ShouldNotBeNull();
            erratum.Corrected.Specificity.ShouldBe(Rated.Of(Specificity.High));
            erratum.Corrected.Starred.ShouldBe(Rated.Of(false));
        }

        // History written under another rule table: a second erratum whose entry was rated with the 2014 star rule.
        await using (var session = app.Store.LightweightSession())
        {
            var report = (await session.LoadAsync<ReviewReport>(reportId))!;
            var high = Score.Of(Indicator.Specificity, Rated.Of(Specificity.High));
            var underOlderRules = report.Published.Single().Corrected(high, ReportKind.Midterm, StarRule.Irm2014);
            underOlderRules.Starred.ShouldBe(Rated.Of(true));
            session.Events.Append(reportId, new ErratumIssued(reportId, plan, commitment, high,
                "Re-issued under the 2014 formula.", "admin-1", DateTimeOffset.Parse("2019-01-01T00:00:00Z"), underOlderRules));
            await session.SaveChangesAsync();
        }

        var daemon = app.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<ReviewReport>(CancellationToken.None);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var published = (await admin.Get<JsonElement>(midterm)).GetProperty("commitments")[0];
        published.GetProperty("starred").GetBoolean().ShouldBeTrue();       // as the event froze it, not as today's rules would rate it
        published.GetProperty("bindingConstraint").GetString().ShouldBe("star");
        var draft = (await admin.Get<JsonElement>($"/api/plans/{plan}/reviews/end-of-term")).GetProperty("commitments")[0];
        draft.GetProperty("starred").GetBoolean().ShouldBeFalse();          // a draft is computed by today's rules
        draft.GetProperty("bindingConstraint").GetString().ShouldBe("potImp");
    }
}
