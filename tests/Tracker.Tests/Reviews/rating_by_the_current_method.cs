using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Tests.Reviews;

/// <summary>
/// The IRM's method since 2021 (Action Plan Review): potential for results and "promising" are judged only for a
/// commitment that is verifiable and has an open-government lens; a No on either ends the assessment.
/// </summary>
public class rating_by_the_current_method
{
    private static Panel PanelOf(params (Indicator Indicator, string Value)[] values) => new(values.ToDictionary(v => v.Indicator,
        v => new PanelValue(Scores.Read(v.Indicator, v.Value), false, true, [])));

    [Theory]
    // verifiable, lens, potential given → potential rated
    [InlineData("yes", "yes", "substantial", "substantial")]
    [InlineData("yes", "yes", "unclear", "unclear")]
    [InlineData("no", "yes", "modest", "notApplicable")]        // not verifiable: not assessed further
    [InlineData("yes", "no", "modest", "notApplicable")]        // no open-government lens: not assessed further
    [InlineData("notAssessed", "yes", "modest", "modest")]      // not yet assessed is not a No
    [InlineData("notApplicable", "yes", "modest", "notApplicable")]
    public void potential_for_results_counts_only_for_a_verifiable_commitment_with_an_open_government_lens(
        string verifiable, string lens, string potential, string expected)
    {
        var panel = PanelOf((Indicator.Verifiable, verifiable), (Indicator.OpenGovernmentLens, lens), (Indicator.PotentialForResults, potential));

        var review = CurrentMethodReview.Rate(panel, ReportKind.ActionPlanReview);

        review.PotentialForResults.ShouldBe(Scores.Read(Indicator.PotentialForResults, expected).As<PotentialForResults>());
        review.Method.ShouldBe(ReviewMethod.Irm2021);
    }

    [Fact]
    public void a_results_report_carries_completion_and_early_results_as_the_panel_gave_them()
    {
        var review = CurrentMethodReview.Rate(PanelOf((Indicator.ResultsCompletion, "substantial"), (Indicator.EarlyResults, "noneToReportYet")),
            ReportKind.ResultsReport);

        review.Completion.ShouldBe(Rated.Of(ResultsCompletion.Substantial));
        review.EarlyResults.ShouldBe(Rated.Of(EarlyResults.NoneToReportYet));
        review.PotentialForResults.ShouldBe(Rated.NotAssessed<PotentialForResults>());
    }

    [Theory]
    [InlineData(ReportKind.Midterm, ReviewMethod.Irm2011)]
    [InlineData(ReportKind.EndOfTerm, ReviewMethod.Irm2011)]
    [InlineData(ReportKind.ActionPlanReview, ReviewMethod.Irm2021)]
    [InlineData(ReportKind.ResultsReport, ReviewMethod.Irm2021)]
    public void every_report_says_which_method_it_follows(ReportKind kind, ReviewMethod method) =>
        ReviewMethods.Of(kind).ShouldBe(method);

    [Theory]
    [InlineData(Indicator.Specificity, "Medium")]
    [InlineData(Indicator.Relevance, "AccessToInformation, CivicParticipation")]
    [InlineData(Indicator.OnTime, "Yes")]
    [InlineData(Indicator.PotentialForResults, "Substantial")]
    [InlineData(Indicator.EarlyResults, "NoneToReportYet")]
    [InlineData(Indicator.ResultsCompletion, "No Evidence Available")]
    public void a_level_typed_by_a_person_reads_on_its_indicators_scale(Indicator indicator, string text) =>
        Score.Parse(indicator, text, out _).ShouldNotBeNull().State.ShouldBe(RatingState.Assessed);

    [Theory]
    [InlineData(Indicator.Specificity, "Medum")]
    [InlineData(Indicator.Specificity, "2")]
    [InlineData(Indicator.Relevance, "AccessToInformation, Transparency")]
    [InlineData(Indicator.OnTime, "maybe")]
    [InlineData(Indicator.EarlyResults, "Major")]
    public void unknown_text_is_an_error_naming_the_levels_never_a_silent_not_assessed(Indicator indicator, string text)
    {
        Score.Parse(indicator, text, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldStartWith($"For {indicator}: one of");
    }

    [Fact]
    public void a_score_holds_only_its_indicators_scale() =>
        Should.Throw<ArgumentException>(() => Score.Of(Indicator.Specificity, Rated.Of(Completion.Complete)));
}
