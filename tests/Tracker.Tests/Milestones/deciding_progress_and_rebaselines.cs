using Tracker.Infrastructure;
using Tracker.Milestones;
using Tracker.Milestones.Reporting;
using Tracker.Ratings;
using Tracker.Tests.Reviews;
using static Tracker.Tests.Milestones.Nl0025;

namespace Tracker.Tests.Milestones;

/// <summary>The progress and re-baselining decisions, on state in memory: what a ministry may write, and what is appended.</summary>
public class deciding_progress_and_rebaselines
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2017, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static ReportMilestoneProgress Report(DateOnly? asOf = null, Guid? institution = null) =>
        new(CourseMilestone.Id, ProgressLevel.Substantial, 60, "Two of three course modules given.",
            [new Evidence("Course programme", "https://example.org/course", EvidenceVisibility.Public)], asOf, null, Ministry(institution ?? Lead));

    private static IReadOnlyList<object> Appended(ReportMilestoneProgress command, MilestoneContext? context = null) =>
        ReportMilestoneProgressHandler.Handle(command, CourseMilestone, context ?? Context, Clock).Item2;

    [Fact]
    public void a_report_by_the_lead_is_reported_as_of_today_when_no_day_is_given()
    {
        var reported = Appended(Report()).ShouldHaveSingleItem().ShouldBeOfType<MilestoneProgressReported>();

        reported.AsOf.ShouldBe(new DateOnly(2017, 3, 1));
        reported.ReportedForInstitutionId.ShouldBe(Lead);
        reported.Level.ShouldBe(ProgressLevel.Substantial);
    }

    [Fact]
    public void where_the_plan_asks_for_approval_the_report_is_submitted_instead()
    {
        var approving = Context with { Plan = PlanOf2016 with { ProgressApprovalRequired = true } };

        Appended(Report(), approving).ShouldHaveSingleItem().ShouldBeOfType<MilestoneProgressSubmitted>().Submission.ShouldBe(1);
    }

    [Theory]
    [InlineData("2017-03-03", "date.future")]       // two days ahead: tomorrow is allowed for time zones east of UTC
    [InlineData("2015-12-31", "date.outside_plan")] // before the plan starts
    public void a_report_as_of_a_day_it_cannot_be_is_refused_naming_as_of(string asOf, string code)
    {
        var refusal = Should.Throw<TrackerRuleBroken>(() => Appended(Report(DateOnly.Parse(asOf))));

        refusal.Code.ShouldBe(code);
        refusal.Field.ShouldBe("asOf");
    }

    [Fact]
    public void another_institution_may_not_report()
    {
        RefusalOf(() => Appended(Report(institution: Other))).ShouldBe("milestone.not_lead");
    }

    private static IReadOnlyList<object> Rebaselined(DateOnly newEnd) =>
        RebaselineMilestoneHandler.Handle(new RebaselineMilestone(CourseMilestone.Id, newEnd, "COVID-19 extension granted by OGP", null, Ministry(Lead)),
            CourseMilestone, Context, Clock).Item2;

    [Fact]
    public void a_new_end_within_the_plan_is_rebaselined_from_the_current_end()
    {
        var moved = Rebaselined(new DateOnly(2018, 3, 31)).ShouldHaveSingleItem().ShouldBeOfType<MilestoneRebaselined>();

        moved.PreviousEnd.ShouldBe(new DateOnly(2018, 6, 30));
        moved.NewEnd.ShouldBe(new DateOnly(2018, 3, 31));
    }

    [Fact]
    public void the_same_end_appends_nothing()
    {
        Rebaselined(CourseMilestone.PlannedEnd).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2018-07-01", "date.outside_plan")] // after the plan ends
    [InlineData("2016-02-29", "date.before_start")] // before the milestone's planned start
    public void an_end_it_cannot_have_is_refused_naming_new_end(string newEnd, string code)
    {
        var refusal = Should.Throw<TrackerRuleBroken>(() => Rebaselined(DateOnly.Parse(newEnd)));

        refusal.Code.ShouldBe(code);
        refusal.Field.ShouldBe("newEnd");
    }
}
