using Tracker.IntegrationTests.Infrastructure;
using Tracker.Reviews;

namespace Tracker.IntegrationTests.Reviews;

public class assigning_reviewers(TrackerApp app) : IClassFixture<TrackerApp>
{
    private async Task<long> VersionOf(Guid reportId)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(reportId))!.Version;
    }

    [Fact]
    public async Task a_reviewer_said_to_belong_to_an_institution_that_does_not_exist_is_refused_naming_the_field()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Ghana", "GH");
        var university = await Arrange.Institution(admin, member, "University of Ghana", "Other");
        var planId = await Arrange.Plan(admin, member, "Ghana 2017-2019 Action Plan", "2017-07-01", "2019-06-30", 3);
        await (await admin.Post($"/api/plans/{planId}/reviews/midterm", new { })).ShouldHaveStatus(201);
        var reportId = ReviewReport.IdFor(planId, ReportKind.Midterm);
        var before = await VersionOf(reportId);

        var unknown = await admin.Post($"/api/plans/{planId}/reviews/midterm/reviewers",
            new { reviewerId = "reviewer-1", name = "Ama Mensah", institutionId = Guid.Parse("0190a000-0000-7000-8000-00000000dead") });
        var aMember = await admin.Post($"/api/plans/{planId}/reviews/midterm/reviewers",
            new { reviewerId = "reviewer-1", name = "Ama Mensah", institutionId = member });
        var refusedVersion = await VersionOf(reportId);
        var known = await admin.Post($"/api/plans/{planId}/reviews/midterm/reviewers", new { reviewerId = "reviewer-1", name = "Ama Mensah", institutionId = university });
        var none = await admin.Post($"/api/plans/{planId}/reviews/midterm/reviewers", new { reviewerId = "reviewer-2", name = "Kofi Boateng" });

        var problem = await unknown.ShouldBeProblem(400, "institution.not_found");
        problem.GetProperty("errors").GetProperty("institutionId")[0].GetString()!.ShouldContain("0190a000-0000-7000-8000-00000000dead");
        await aMember.ShouldBeProblem(400, "institution.not_found");
        refusedVersion.ShouldBe(before);
        await known.ShouldHaveStatus(200);
        await none.ShouldHaveStatus(200);
        (await VersionOf(reportId)).ShouldBe(before + 2);
    }
}
