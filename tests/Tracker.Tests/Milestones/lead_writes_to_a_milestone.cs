using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Milestones;
using Tracker.Plans;
using static Tracker.Tests.Milestones.Nl0025;

namespace Tracker.Tests.Milestones;

public class lead_writes_to_a_milestone
{
    [Fact]
    public void the_lead_institution_writes_to_a_live_milestone_of_an_active_commitment()
    {
        Should.NotThrow(() => new MilestoneContext(Active, PlanOf2016).EnsureLeadWrite(CourseMilestone, Ministry(Lead), expectedVersion: 4));
    }

    [Fact]
    public void a_co_lead_institution_writes_too_and_any_other_is_refused()
    {
        var coLed = Active with { Text = Active.Text with { CoLeadInstitutionIds = [Other] } };
        var third = Guid.Parse("0190a000-0000-7000-8000-000000000003");

        Should.NotThrow(() => new MilestoneContext(coLed, PlanOf2016).EnsureLeadWrite(CourseMilestone, Ministry(Other), expectedVersion: 4));
        RefusalOf(() => new MilestoneContext(coLed, PlanOf2016).EnsureLeadWrite(CourseMilestone, Ministry(third), expectedVersion: 4)).ShouldNotBeNullOrEmpty();
        coLed.IsLedByInstitution(Guid.Empty).ShouldBeFalse(); // "lead not named" is nobody
    }

    [Fact]
    public void a_withdrawn_commitment_takes_no_progress_and_no_new_end_date_on_its_milestones()
    {
        var refusal = Should.Throw<TrackerRuleBroken>(() => new MilestoneContext(Withdrawn, PlanOf2016).EnsureLeadWrite(CourseMilestone, Ministry(Lead), null));

        refusal.Code.ShouldBe("commitment.withdrawn");
        refusal.Kind.ShouldBe(RuleKind.Conflict);
        refusal.Message.ShouldContain("Merged into NL0026");
    }

    [Fact]
    public void the_callers_right_and_the_version_are_checked_before_the_commitment_is_found_withdrawn()
    {
        var context = new MilestoneContext(Withdrawn, PlanOf2016);

        RefusalOf(() => context.EnsureLeadWrite(CourseMilestone, Ministry(Other), null)).ShouldBe("milestone.not_lead");
        Should.Throw<StaleVersion>(() => context.EnsureLeadWrite(CourseMilestone, Ministry(Lead), expectedVersion: 3)).CurrentVersion.ShouldBe(4);
    }

    [Fact]
    public void a_withdrawn_milestone_of_a_withdrawn_commitment_is_refused_as_withdrawn_milestone_first()
    {
        var withdrawnMilestone = CourseMilestone with { Withdrawn = true, WithdrawnReason = "Dropped" };

        RefusalOf(() => new MilestoneContext(Withdrawn, PlanOf2016).EnsureLeadWrite(withdrawnMilestone, Ministry(Lead), null)).ShouldBe("milestone.withdrawn");
    }
}
