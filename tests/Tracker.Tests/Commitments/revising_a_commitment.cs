using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Tests.Reviews;
using static Tracker.Tests.Milestones.Nl0025;

namespace Tracker.Tests.Commitments;

/// <summary>The revision decision, on state in memory: who may revise, what the new text must name, and when nothing is appended.</summary>
public class revising_a_commitment
{
    private static readonly FixedClock Clock = new(At);
    private static readonly CommitmentRevisionContext Known = new(PlanOf2016, [LeadInstitution]);

    private static IReadOnlyList<object> Revised(CommitmentText text, Caller? caller = null) =>
        ReviseCommitmentHandler.Handle(new ReviseCommitment(Active.Id, text, "Scope agreed with civil society", null, caller ?? Admin), Active, Known, Clock).Item2;

    [Fact]
    public void an_admin_revises_the_text_and_the_event_says_why()
    {
        var revised = Revised(Active.Text with { Title = "Training civil servants and citizens on public participation" })
            .ShouldHaveSingleItem().ShouldBeOfType<CommitmentRevised>();

        revised.Text.Title.ShouldBe("Training civil servants and citizens on public participation");
        revised.Reason.ShouldBe("Scope agreed with civil society");
    }

    [Fact]
    public void the_same_text_appends_nothing()
    {
        Revised(Active.Text with { PolicyAreas = [] }).ShouldBeEmpty();
    }

    [Fact]
    public void a_ministry_may_not_revise()
    {
        RefusalOf(() => Revised(Active.Text with { Title = "Another title" }, Ministry(Lead))).ShouldBe("caller.role");
    }

    [Fact]
    public void a_supporting_institution_that_is_not_registered_is_refused_naming_the_field()
    {
        var refusal = Should.Throw<TrackerRuleBroken>(() => Revised(Active.Text with { SupportingInstitutionIds = [Other] }));

        refusal.Code.ShouldBe("institution.not_found");
        refusal.Field.ShouldBe("supportingInstitutionIds");
    }

    [Fact]
    public void a_lead_of_another_member_is_refused_naming_the_field()
    {
        var abroad = new Institution(Other, Guid.Parse("0190a000-0000-7000-8000-0000000000ff"), "Ministry of Finance of another member", InstitutionKind.Government, At);

        var refusal = Should.Throw<TrackerRuleBroken>(() => ReviseCommitmentHandler.Handle(new ReviseCommitment(Active.Id,
            Active.Text with { LeadInstitutionId = Other }, "Handed over", null, Admin), Active, Known with { Institutions = [LeadInstitution, abroad] }, Clock));

        refusal.Code.ShouldBe("institution.other_member");
        refusal.Field.ShouldBe("leadInstitutionId");
    }

    [Fact]
    public void a_co_lead_of_another_member_is_refused_naming_the_field()
    {
        var abroad = new Institution(Other, Guid.Parse("0190a000-0000-7000-8000-0000000000ff"), "Ministry of Finance of another member", InstitutionKind.Government, At);

        var refusal = Should.Throw<TrackerRuleBroken>(() => ReviseCommitmentHandler.Handle(new ReviseCommitment(Active.Id,
            Active.Text with { CoLeadInstitutionIds = [Other] }, "Shared lead", null, Admin), Active, Known with { Institutions = [LeadInstitution, abroad] }, Clock));

        refusal.Code.ShouldBe("institution.other_member");
        refusal.Field.ShouldBe("coLeadInstitutionIds");
    }

    [Theory]
    [InlineData("an international body", false)]
    [InlineData("another member's agency", true)]
    public void a_supporting_institution_may_be_of_any_member_for_it_gains_no_right_to_report(string who, bool ofAnotherMember)
    {
        var supporter = new Institution(Other, ofAnotherMember ? Guid.Parse("0190a000-0000-7000-8000-0000000000ff") : null, who, InstitutionKind.Other, At);

        var revised = ReviseCommitmentHandler.Handle(new ReviseCommitment(Active.Id, Active.Text with { SupportingInstitutionIds = [Other] }, "Partner named", null, Admin),
            Active, Known with { Institutions = [LeadInstitution, supporter] }, Clock).Item2;

        revised.ShouldHaveSingleItem().ShouldBeOfType<CommitmentRevised>().Text.SupportingInstitutionIds.ShouldBe([Other]);
    }

    [Fact]
    public void an_end_after_the_plan_is_refused_naming_end()
    {
        var refusal = Should.Throw<TrackerRuleBroken>(() => Revised(Active.Text with { End = new DateOnly(2018, 7, 1) }));

        refusal.Code.ShouldBe("date.outside_plan");
        refusal.Field.ShouldBe("end");
    }
}
