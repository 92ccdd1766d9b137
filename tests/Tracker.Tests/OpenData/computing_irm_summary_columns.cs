using Tracker.OpenData;

namespace Tracker.Tests.OpenData;

/// <summary>The IRM's summary columns, each from the rating cells it is defined on, with real rows of the OGP sample.</summary>
public class computing_irm_summary_columns
{
    [Theory]
    [InlineData("NL0003", "0", "0", "0")]   // both stars rated, neither a star
    [InlineData("GH0018", "1", "1", "1")]   // starred at midterm and end of term
    [InlineData("PY0009", "0", "ND", "0")]  // midterm only
    [InlineData("NL0035", "ND", "ND", "ND")] // 2018-2020 plan: no star rated
    [InlineData("GH0040", "ND", "NR", "ND")] // action plan review of the current method
    public void max_star_is_the_better_of_the_stars_rated(string row, string midterm, string endOfTerm, string maxStar)
    {
        IrmSummaryColumns.BestStar(midterm, endOfTerm).ShouldBe(maxStar, row);
    }

    [Theory]
    [InlineData("NL0039", "Major", true)]
    [InlineData("PY0016", "Outstanding", true)]
    [InlineData("NL0007", "Marginal", false)]
    [InlineData("NL0003", "Did Not Change", false)]
    [InlineData("UA0088", "ND", false)]
    public void high_diog_is_a_major_or_outstanding_opening_of_government(string row, string openGovernment, bool high)
    {
        IrmSummaryColumns.IsHighDiog(openGovernment).ShouldBe(high, row);
    }

    [Theory]
    [InlineData("NL0005", "1", true, false, IrmSummaryColumns.Quadrant.AmbitiousAndCompleteOrDiog)]
    [InlineData("UA0035", "0", true, true, IrmSummaryColumns.Quadrant.AmbitiousAndCompleteOrDiog)]  // Minor impact, a major opening
    [InlineData("NL0039", "ND", true, true, IrmSummaryColumns.Quadrant.AmbitiousAndCompleteOrDiog)] // current method: no ambition, a major opening
    [InlineData("PY0009", "1", false, false, IrmSummaryColumns.Quadrant.AmbitiousNotComplete)]
    [InlineData("UA0009", "0", true, false, IrmSummaryColumns.Quadrant.CompleteNotAmbitious)]
    [InlineData("NL0003", "0", false, false, IrmSummaryColumns.Quadrant.Neither)]
    [InlineData("UA0094", "ND", true, false, IrmSummaryColumns.Quadrant.None)]                     // current method, ambition not rated
    [InlineData("GH0056", "NR", false, false, IrmSummaryColumns.Quadrant.None)]                    // not reviewed
    public void the_quadrants_cross_high_ambition_with_high_completion_a_high_diog_counting_as_both(string row, string highAmbition, bool highCompletion,
        bool highDiog, IrmSummaryColumns.Quadrant quadrant)
    {
        IrmSummaryColumns.Quadrants(highAmbition, highCompletion, highDiog).ShouldBe(quadrant, row);
    }

    [Theory]
    [InlineData("NL0003", "3", "1")]  // latest completion Limited
    [InlineData("NL0005", "5", "3")]  // Complete
    [InlineData("NL0006", "2", "0")]  // Not Started at end of term, although Substantial at midterm: the latest, not the highest
    [InlineData("PY0052", "1", "ND")] // "Unclear" is numbered 1 by the file but is no level
    [InlineData("GH0040", "ND", "ND")]
    public void max_completion_is_the_latest_completion_in_steps_above_not_started(string row, string rawCompletion, string maxCompletion)
    {
        IrmSummaryColumns.CompletionSteps(rawCompletion).ShouldBe(maxCompletion, row);
    }

    [Theory]
    [InlineData("GH0040", "2023-12-31", "2024-06-30", false)]
    [InlineData("PY0080", "2024-12-31", "2024-06-30", true)]
    [InlineData("GH0056", "2027-12-31", "2024-06-30", true)]
    [InlineData("PY0080", "2024-12-31", "2026-12-01", false)]
    public void a_commitment_is_active_while_its_plan_has_not_ended(string row, string planEnd, string today, bool active)
    {
        IrmSummaryColumns.IsActive(DateOnly.Parse(planEnd), DateOnly.Parse(today)).ShouldBe(active, row);
    }

    /// <summary>Whole rows: every summary column from the file's own rating cells equals the file's summary cell.</summary>
    [Theory]
    [InlineData("NL0003")]
    [InlineData("GH0018")]
    [InlineData("PY0009")]
    [InlineData("NL0039")]
    [InlineData("UA0088")]
    [InlineData("GH0040")]
    [InlineData("GH0056")]
    public void a_rows_summary_columns_follow_from_its_rating_columns(string code)
    {
        var row = Ratings.IrmSample.Rows.Single(r => r.Id == code);

        var cells = IrmSummaryColumns.Cells(row.Cells, new DateOnly(int.Parse(row["Action Plan End Year"]), 12, 31), new DateOnly(2024, 6, 30));

        foreach (var column in IrmSummaryColumns.Columns)
            if (code != "UA0088" || column != IrmSummaryColumns.DiogAssessed) // "No early results to report yet" is assessed to the IRM, no level to Tracker
                cells[column].ShouldBe(row[column], $"{code} {column}");
    }
}
