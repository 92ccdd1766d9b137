using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Members;
using Tracker.Plans;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Tests.Reviews;

/// <summary>
/// The import is one more caller of the reviews slice's decisions: what it may do that a person may not — record the
/// IRM's published values into a report of its own — is a named capability, refused everywhere else.
/// </summary>
public class deciding_imported_reviews
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-01T12:00:00Z");
    private static readonly Caller Admin = new("admin-1", TrackerRole.Admin, null);
    private static readonly Caller Reviewer = new("irm-1", TrackerRole.Reviewer, null);
    private static readonly Plan Plan = Plan.Create(new PlanRegistered(Guid.Parse("0195f0a2-7c1e-7000-8000-000000000020"), Guid.Empty, 3,
        "Netherlands 2016-2018", new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2017, 6, 30), "admin-1", Now));
    private static readonly Commitment Nl25 = Commitment.Create(new CommitmentRegistered(Guid.Parse("0195f0a2-7c1e-7000-8000-000000000021"),
        Plan.Id, "NL0025", "07", new CommitmentText("Training civil servants", null, null, Guid.NewGuid(), [], null, null, null, [], []), null, "admin-1", Now));

    private static ReviewReport Opened(ReportOrigin origin)
    {
        var id = ReviewReport.IdFor(Plan.Id, ReportKind.Midterm);
        var opened = OpenReviewReportHandler.Decide(new OpenReviewReport(id, Plan.Id, ReportKind.Midterm, null, StarRule.Irm2015, Admin, origin),
            new ReportOpeningContext(Plan, null), Now);
        return ReviewReport.Started(opened);
    }

    private static RecordAssessment Imported(ReviewReport report, Caller caller) => new(report.Id, Nl25.Id,
        Score.Of(Indicator.Specificity, Rated.Of(Specificity.Low)), null, IsFinal: true, ExpectedVersion: null, caller, ReportOrigin.ImportedIrmPublication);

    [Fact]
    public void a_report_opened_for_the_irms_published_history_is_marked_imported_and_defaults_its_cutoff_to_the_plans()
    {
        var report = Opened(ReportOrigin.ImportedIrmPublication);

        report.Imported.ShouldBeTrue();
        report.Cutoff.ShouldBe(new DateOnly(2017, 6, 30));
        Opened(ReportOrigin.Tracker).Imported.ShouldBeFalse();
    }

    [Fact]
    public void the_irms_published_value_is_recorded_as_the_panels_final_value_under_the_import_reviewer()
    {
        var recorded = RecordAssessmentHandler.Decide(Imported(Opened(ReportOrigin.ImportedIrmPublication), Admin),
            Opened(ReportOrigin.ImportedIrmPublication), Nl25, Now);

        recorded.ReviewerId.ShouldBe(RecordAssessmentHandler.ImportedReviewerId);
        recorded.IsFinal.ShouldBeTrue();
        recorded.RecordedAt.ShouldBe(Now);
    }

    [Fact]
    public void published_values_go_into_imported_reports_only()
    {
        var own = Opened(ReportOrigin.Tracker);

        Should.Throw<TrackerRuleBroken>(() => RecordAssessmentHandler.Decide(Imported(own, Admin), own, Nl25, Now)).Code.ShouldBe("review.not_imported");
    }

    [Fact]
    public void only_an_admin_records_published_values_and_a_reviewer_still_needs_an_assignment()
    {
        var imported = Opened(ReportOrigin.ImportedIrmPublication);
        var asReviewer = new RecordAssessment(imported.Id, Nl25.Id, Score.Of(Indicator.Specificity, Rated.Of(Specificity.Low)), null, false, null, Reviewer);

        Should.Throw<TrackerRuleBroken>(() => RecordAssessmentHandler.Decide(Imported(imported, Reviewer), imported, Nl25, Now)).Code.ShouldBe("caller.role");
        Should.Throw<TrackerRuleBroken>(() => RecordAssessmentHandler.Decide(asReviewer, imported, Nl25, Now)).Code.ShouldBe("review.not_assigned");
    }

    [Fact]
    public void a_member_code_that_is_taken_is_refused_by_the_same_decision_the_import_calls()
    {
        var netherlands = Member.Create(new MemberRegistered(Guid.NewGuid(), "Netherlands", "NL", MemberKind.National, null, "admin-1", Now));

        var refused = Should.Throw<TrackerRuleBroken>(() => RegisterMemberHandler.Decide(
            new RegisterMember(Guid.NewGuid(), "Nederland", "NL", MemberKind.National, null, Admin), netherlands, Now));

        refused.Code.ShouldBe("member.code_taken");
        refused.Kind.ShouldBe(RuleKind.Conflict);
    }
}
