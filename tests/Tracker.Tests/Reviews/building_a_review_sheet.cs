using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Milestones;
using Tracker.Plans;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Tests.Reviews;

/// <summary>The review sheet and the commitment ratings, decided without a database: the same inputs, the same sheet.</summary>
public class building_a_review_sheet
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2017-07-01T00:00:00Z");
    private static readonly Guid PlanId = Guid.Parse("0195f0a2-7c1e-7000-8000-000000000010");
    private static readonly Guid LeadId = Guid.Parse("0195f0a2-7c1e-7000-8000-000000000011");
    private static readonly Plan Plan = Plan.Create(new PlanRegistered(PlanId, Guid.Empty, 3, "Netherlands 2016-2018 National Action Plan",
        new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2017, 6, 30), "admin", At));

    private static Commitment Commitment(string code, int n) => Tracker.Commitments.Commitment.Create(new CommitmentRegistered(
        Guid.Parse($"0195f0a2-7c1e-7000-8000-0000000001{n:00}"), PlanId, code, $"{n:00}",
        new CommitmentText($"Commitment {code}", null, null, LeadId, [], null, null, null, [], []), null, "admin", At));

    // The progress records of the milestones a test makes, as the inline projection would insert them.
    private readonly List<ProgressRecord> progress = [];

    private Milestone Milestone(Commitment commitment, int number, params (ProgressLevel Level, DateOnly AsOf)[] reports)
    {
        var milestone = Tracker.Milestones.Milestone.Create(new MilestonePlanned(Guid.NewGuid(), commitment.Id, PlanId, number, $"Milestone {number}",
            null, new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), 1m, "admin", At));
        foreach (var (level, asOf) in reports)
        {
            var reported = new MilestoneProgressReported(milestone.Id, commitment.Id, PlanId, level, null, "Reported.", [], asOf, "ministry", LeadId, At);
            milestone = milestone.Apply(reported);
            progress.Add(new ProgressRecord(Guid.NewGuid(), milestone.Id, commitment.Id, PlanId, ProgressReport.Of(reported)));
        }
        return milestone;
    }

    private static ReviewReport Report(ReportKind kind, params (Guid Commitment, Indicator Indicator, string Value, string Reviewer)[] assessments)
    {
        var id = ReviewReport.IdFor(PlanId, kind);
        var report = ReviewReport.Create(new ReviewReportOpened(id, PlanId, kind, kind == ReportKind.Midterm ? Plan.MidtermCutoff : Plan.PeriodEnd,
            StarRule.Irm2015, false, "admin", At));
        report = report.Apply(new ReviewerAssigned(id, PlanId, "irm-1", "Lead researcher", null, true, "admin", At))
            .Apply(new ReviewerAssigned(id, PlanId, "irm-2", "Second researcher", null, false, "admin", At));
        foreach (var (commitment, indicator, value, reviewer) in assessments)
            report = report.Apply(new AssessmentRecorded(id, PlanId, commitment, Score(indicator, value), null, reviewer, false, At));
        return report;
    }

    // Levels as a reviewer types them, read the way the API reads them.
    private static Score Score(Indicator indicator, string value) => Tracker.Reviews.Score.Parse(indicator, value, out _)!;

    private ReviewInputs Inputs(ReviewReport report, IReadOnlyList<Commitment> commitments, IReadOnlyList<Milestone> milestones,
        ReviewReport? midterm = null) =>
        new(Plan, commitments, milestones, progress, new Dictionary<Guid, string> { [LeadId] = "Ministry of Infrastructure and the Environment" }, report, midterm);

    [Fact]
    public void progress_reported_as_of_a_day_after_the_cutoff_does_not_count()
    {
        var nl25 = Commitment("NL0025", 7);
        var milestones = new[]
        {
            Milestone(nl25, 1, (ProgressLevel.Limited, new DateOnly(2017, 3, 1)), (ProgressLevel.Complete, new DateOnly(2017, 9, 1))),
            Milestone(nl25, 2, (ProgressLevel.Complete, new DateOnly(2017, 6, 30))),
        };

        var entry = ReviewSheet.Build(Inputs(Report(ReportKind.Midterm), [nl25], milestones)).Single();

        entry.ComputedCompletion.ShouldBe(Rated.Of(Completion.Substantial)); // at the cutoff: one of two complete, the other limited
        entry.Facts.Milestones.ShouldBe(2);
    }

    [Fact]
    public void two_reviewers_who_disagree_give_the_median_and_a_flag_until_the_lead_records_the_final_value()
    {
        var nl25 = Commitment("NL0025", 7);
        var report = Report(ReportKind.Midterm,
            (nl25.Id, Indicator.Specificity, "low", "irm-1"), (nl25.Id, Indicator.Specificity, "high", "irm-2"));

        var entry = ReviewSheet.Build(Inputs(report, [nl25], [])).Single();
        var final = ReviewSheet.Build(Inputs(report.Apply(new AssessmentRecorded(report.Id, PlanId, nl25.Id,
            Score(Indicator.Specificity, "low"), "The milestones are activities.", "irm-1", true, At)), [nl25], [])).Single();

        entry.Panel[Indicator.Specificity].Disagreement.ShouldBeTrue();
        entry.Panel[Indicator.Specificity].IsFinal.ShouldBeFalse();
        final.Specificity.ShouldBe(Rated.Of(Specificity.Low));
        final.Panel[Indicator.Specificity].IsFinal.ShouldBeTrue();
    }

    [Fact]
    public void an_end_of_term_sheet_takes_the_design_ratings_of_a_published_midterm_only()
    {
        var nl25 = Commitment("NL0025", 7);
        var draftMidterm = Report(ReportKind.Midterm, (nl25.Id, Indicator.Specificity, "low", "irm-1"), (nl25.Id, Indicator.Completion, "limited", "irm-1"));
        var midtermSheet = ReviewSheet.Build(Inputs(draftMidterm, [nl25], []));
        var publishedMidterm = draftMidterm.Apply(new ReviewReportSentToPublicComment(draftMidterm.Id, PlanId, new DateOnly(2017, 8, 1), new DateOnly(2017, 8, 15), "admin", At))
            .Apply(new ReviewReportPublished(draftMidterm.Id, PlanId, midtermSheet, 42, "admin", At));
        var endOfTerm = Report(ReportKind.EndOfTerm, (nl25.Id, Indicator.Completion, "substantial", "irm-1"));

        var beside = ReviewSheet.Build(Inputs(endOfTerm, [nl25], [], draftMidterm)).Single();
        var after = ReviewSheet.Build(Inputs(endOfTerm, [nl25], [], publishedMidterm)).Single();

        beside.Specificity.ShouldBe(Rated.NotAssessed<Specificity>());
        beside.MidtermCompletion.ShouldBe(Rated.NotAssessed<Completion>());
        after.Specificity.ShouldBe(Rated.Of(Specificity.Low));
        after.MidtermCompletion.ShouldBe(Rated.Of(Completion.Limited));
        after.ChangeInCompletion.ShouldBe(Rated.Of(CompletionChange.Increase));
    }

    [Theory]
    // specificity, relevance, impact, completion → starred, binding constraint (product.md §4, rule 2015)
    [InlineData("high", "civicParticipation", "transformative", "complete", true, BindingConstraint.Star)]
    [InlineData("low", "civicParticipation", "transformative", "complete", false, BindingConstraint.Spec)]
    [InlineData("medium", "technologyAndInnovation", "transformative", "complete", false, BindingConstraint.Rel)]
    [InlineData("medium", "accessToInformation", "moderate", "complete", false, BindingConstraint.PotImp)]
    [InlineData("medium", "accessToInformation", "transformative", "limited", false, BindingConstraint.Cmpl)]
    public void a_commitment_is_rated_from_its_panel_by_the_irm_rules(string specificity, string relevance, string impact, string completion,
        bool starred, BindingConstraint binding)
    {
        var nl25 = Commitment("NL0025", 7);
        var report = Report(ReportKind.Midterm, (nl25.Id, Indicator.Specificity, specificity, "irm-1"), (nl25.Id, Indicator.Relevance, relevance, "irm-1"),
            (nl25.Id, Indicator.PotentialImpact, impact, "irm-1"), (nl25.Id, Indicator.Completion, completion, "irm-1"));

        var entry = ReviewSheet.Build(Inputs(report, [nl25], [])).Single();

        entry.Starred.ShouldBe(Rated.Of(starred));
        entry.BindingConstraint.ShouldBe(binding);
    }

    [Fact]
    public void an_assessed_completion_that_differs_from_the_milestones_is_flagged_not_overruled()
    {
        var nl25 = Commitment("NL0025", 7);
        var report = Report(ReportKind.Midterm, (nl25.Id, Indicator.Completion, "complete", "irm-1"));

        var entry = ReviewSheet.Build(Inputs(report, [nl25], [Milestone(nl25, 1, (ProgressLevel.Limited, new DateOnly(2017, 1, 31)))])).Single();

        entry.Completion.ShouldBe(Rated.Of(Completion.Complete));
        entry.ComputedCompletion.ShouldBe(Rated.Of(Completion.Limited));
        entry.CompletionDisagreement.ShouldBeTrue();
    }
}
