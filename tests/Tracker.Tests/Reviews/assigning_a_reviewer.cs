using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Tests.Reviews;

public class assigning_a_reviewer
{
    private static readonly DateTimeOffset At = new(2017, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Admin = new("admin-1", TrackerRole.Admin, null);
    private static readonly Guid PlanId = Guid.Parse("0190a000-0000-7000-8000-000000000010");

    private static readonly ReviewReport Draft = ReviewReport.Create(new ReviewReportOpened(ReviewReport.IdFor(PlanId, ReportKind.Midterm), PlanId,
        ReportKind.Midterm, new DateOnly(2018, 6, 30), StarRule.Irm2015, false, "admin-1", At)) with { Version = 1 };

    private static readonly Institution University = new(Guid.Parse("0190a000-0000-7000-8000-000000000040"), null, "University of Ghana",
        InstitutionKind.Other, At);

    private static AssignReviewer Assignment(Guid? institutionId) =>
        new(Draft.Id, "reviewer-1", "Ama Mensah", institutionId, IsLead: false, ExpectedVersion: null, Admin);

    [Fact]
    public void a_reviewer_of_an_institution_that_exists_is_assigned_with_it()
    {
        var (_, events) = AssignReviewerHandler.Handle(Assignment(University.Id), Draft, University, TimeProvider.System);

        events.ShouldHaveSingleItem().ShouldBeOfType<ReviewerAssigned>().InstitutionId.ShouldBe(University.Id);
    }

    [Fact]
    public void the_lead_assigned_again_without_saying_whether_they_lead_stays_the_lead()
    {
        var led = Draft.Apply(new ReviewerAssigned(Draft.Id, PlanId, "reviewer-1", "Ama Mensa", null, true, "admin-1", At));

        var renamed = AssignReviewerHandler.Decide(Assignment(null) with { IsLead = null }, led, null, At).ShouldHaveSingleItem().ShouldBeOfType<ReviewerAssigned>();

        renamed.Name.ShouldBe("Ama Mensah");
        renamed.IsLead.ShouldBeTrue();
    }

    [Fact]
    public void a_new_reviewer_assigned_without_saying_whether_they_lead_does_not_lead()
    {
        AssignReviewerHandler.Decide(Assignment(null) with { IsLead = null }, Draft, null, At).ShouldHaveSingleItem().ShouldBeOfType<ReviewerAssigned>()
            .IsLead.ShouldBeFalse();
    }

    [Fact]
    public void a_reviewer_of_no_institution_is_assigned_without_one()
    {
        var (_, events) = AssignReviewerHandler.Handle(Assignment(null), Draft, null, TimeProvider.System);

        events.ShouldHaveSingleItem().ShouldBeOfType<ReviewerAssigned>().InstitutionId.ShouldBeNull();
    }

    [Fact]
    public void an_institution_id_that_names_no_institution_is_refused_naming_the_field()
    {
        var missing = Guid.Parse("0190a000-0000-7000-8000-00000000dead");

        var refusal = Should.Throw<TrackerRuleBroken>(() => AssignReviewerHandler.Handle(Assignment(missing), Draft, null, TimeProvider.System));

        refusal.Code.ShouldBe("institution.not_found");
        refusal.Kind.ShouldBe(RuleKind.InvalidField);
        refusal.Field.ShouldBe("institutionId");
    }
}
