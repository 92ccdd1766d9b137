using Tracker.OpenData;
using Tracker.OpenData.Importing;
using Tracker.Ratings;
using Tracker.Reviews;
using Tracker.Tests.Ratings;

namespace Tracker.Tests.OpenData;

/// <summary>
/// The rows of the OGP sample the IRM assessed by its method since 2021, read into an Action Plan Review and a Results
/// Report and written back from them (no database).
/// </summary>
public class reading_the_current_methods_rows
{
    private static readonly IReadOnlyList<OgpRow> Rows = IrmSample.Rows.Select(r => new OgpRow(r.Line, r.Cells)).ToList();
    private static readonly IReadOnlySet<string> DayFirst = OgpCommitmentRow.PlansWritingDayFirst(Rows);

    /// <summary>The 19 rows with a Potential for Results: Ghana's and Paraguay's 2021–2024 plans, and the Netherlands' and Ukraine's 2020–2022 ones.</summary>
    public static readonly IReadOnlySet<string> AssessedByTheCurrentMethod = new HashSet<string>
    {
        "GH0029", "GH0031", "GH0035", "GH0039", "GH0040", "PY0071", "PY0072", "PY0080", "PY0081", "PY0082",
        "NL0039", "UA0087", "UA0088", "UA0090", "UA0093", "UA0094", "UA0095", "UA0096", "UA0100",
    };

    private static OgpRow Row(string code) => Rows.Single(r => r[OgpColumns.Identifier] == code);

    private static OgpCommitment Read(string code) =>
        OgpCommitmentRow.Read(Row(code), DayFirst.Contains(OgpCommitmentRow.PlanKey(Row(code)))).Commitment!;

    private static Rated<T> In<T>(IReadOnlyDictionary<Indicator, Score>? report, Indicator indicator) where T : notnull => report![indicator].As<T>();

    [Fact]
    public void a_row_is_assessed_by_the_current_method_when_its_potential_for_results_is_rated()
    {
        Rows.Where(r => CurrentMethodColumns.IsCurrentMethod(r[OgpColumns.PotentialForResults])).Select(r => r[OgpColumns.Identifier])
            .ShouldBe(AssessedByTheCurrentMethod, ignoreOrder: true);
        // Not the plan's year alone: the 2020–2022 plans of the Netherlands and Ukraine were reviewed by the new method,
        // and the 2023 plans (GH0042, UA0105) not yet at all.
        Rows.Where(r => r[OgpColumns.YearOfSubmission] == "2020").Select(r => r[OgpColumns.Identifier]).ShouldBeSubsetOf(AssessedByTheCurrentMethod);
        CurrentMethodColumns.IsCurrentMethod(Row("GH0042")[OgpColumns.PotentialForResults]).ShouldBeFalse();
    }

    [Fact]
    public void gh0040_is_an_action_plan_review_only_verifiable_with_a_lens_and_modest_potential()
    {
        var assessments = Read("GH0040").Assessments;

        assessments.Midterm.ShouldBeNull();
        assessments.EndOfTerm.ShouldBeNull();
        assessments.ResultsReport.ShouldBeNull();
        In<bool>(assessments.ActionPlanReview, Indicator.Verifiable).ShouldBe(Rated.Of(true));
        In<bool>(assessments.ActionPlanReview, Indicator.OpenGovernmentLens).ShouldBe(Rated.Of(true));
        In<PotentialForResults>(assessments.ActionPlanReview, Indicator.PotentialForResults).ShouldBe(Rated.Of(PotentialForResults.Modest));
        assessments.Cluster.ShouldBeNull();
    }

    [Fact]
    public void py0080_and_py0081_are_one_cluster_named_by_its_commitments()
    {
        Read("PY0080").Assessments.Cluster.ShouldBe(["PY0080", "PY0081"]);
        Read("PY0080").Cluster.ShouldBe("PY0080, PY0081");
        Read("PY0081").Cluster.ShouldBe("PY0080, PY0081");
        Read("PY0082").Cluster.ShouldBeNull();
    }

    [Fact]
    public void a_results_report_takes_the_end_of_terms_completion_and_no_early_results_yet()
    {
        var ua0088 = Read("UA0088").Assessments;

        In<ResultsCompletion>(ua0088.ResultsReport, Indicator.ResultsCompletion).ShouldBe(Rated.Of(ResultsCompletion.Limited));
        In<EarlyResults>(ua0088.ResultsReport, Indicator.EarlyResults).ShouldBe(Rated.Of(EarlyResults.NoneToReportYet));
        ua0088.EndOfTerm.ShouldBeNull();
    }

    [Fact]
    public void did_it_open_government_on_the_older_scale_stays_the_end_of_terms_and_is_not_translated_into_early_results()
    {
        var ua0087 = Read("UA0087").Assessments;

        In<ResultsCompletion>(ua0087.ResultsReport, Indicator.ResultsCompletion).ShouldBe(Rated.Of(ResultsCompletion.Limited));
        In<EarlyResults>(ua0087.ResultsReport, Indicator.EarlyResults).State.ShouldBe(RatingState.NotAssessed);
        In<OpenGovernmentEffect>(ua0087.EndOfTerm, Indicator.DidItOpenGovernment).ShouldBe(Rated.Of(OpenGovernmentEffect.Marginal));
        ua0087.EndOfTerm!.ContainsKey(Indicator.Completion).ShouldBeFalse();
    }

    [Theory]
    [InlineData("GH0040")]
    [InlineData("GH0031")] // no lens, yet the IRM wrote Unclear: the review's recorded value is written back
    [InlineData("PY0080")]
    [InlineData("UA0088")]
    [InlineData("UA0087")]
    [InlineData("NL0039")]
    public void the_current_methods_columns_are_written_back_as_the_file_wrote_them(string code)
    {
        var cells = OgpRatings.Cells(Read(code).Assessments);

        foreach (var column in new[]
                 {
                     OgpColumns.Verifiable, OgpColumns.Relevant, OgpColumns.PotentialForResults, OgpColumns.PotentialForResultsNumber,
                     OgpColumns.ClusterAssessed, OgpColumns.ClusterCommitments, OgpColumns.EarlyResults, OgpColumns.EarlyResultsNumber,
                     OgpColumns.EndOfTermCompletion, OgpColumns.EndOfTermCompletionNumber, OgpColumns.OpenGovernment, OgpColumns.OpenGovernmentNumber,
                     OgpColumns.Specificity, OgpColumns.MidtermCompletion, OgpColumns.HighAmbition, OgpColumns.BindingConstraint,
                 })
            cells[column].ShouldBe(Row(code)[column], $"{code} {column}");
    }

    [Fact]
    public void rows_of_the_older_method_write_nd_in_the_current_methods_columns_and_rows_never_reviewed_nr()
    {
        var nl0003 = OgpRatings.Cells(Read("NL0003").Assessments);
        var gh0056 = OgpRatings.Cells(Read("GH0056").Assessments);

        nl0003[OgpColumns.PotentialForResults].ShouldBe("ND");
        nl0003[OgpColumns.ClusterCommitments].ShouldBe("ND");
        nl0003[OgpColumns.EarlyResults].ShouldBe("ND");
        gh0056[OgpColumns.PotentialForResults].ShouldBe("NR");
        gh0056[OgpColumns.EarlyResults].ShouldBe("NR");
    }

    [Theory]
    [InlineData("PY0038", false)]
    [InlineData("NL0035", true)]
    public void a_2017_2020_design_report_gives_verifiable_on_its_own_and_the_midterm_records_it(string code, bool verifiable)
    {
        var assessments = Read(code).Assessments;

        assessments.ActionPlanReview.ShouldBeNull();
        In<bool>(assessments.Midterm, Indicator.Verifiable).ShouldBe(Rated.Of(verifiable));
        OgpRatings.Cells(assessments)[OgpColumns.Verifiable].ShouldBe(Row(code)[OgpColumns.Verifiable]);
    }

    [Fact]
    public void a_specificity_rated_row_derives_verifiable_and_records_no_verdict()
    {
        Read("NL0003").Assessments.Midterm!.ContainsKey(Indicator.Verifiable).ShouldBeFalse();
    }
}
