using Tracker.OpenData;
using Tracker.OpenData.Importing;
using Tracker.Tests.Ratings;

namespace Tracker.Tests.OpenData;

/// <summary>Every row of the repository's OGP sample through the row mapping and the rating columns (no database).</summary>
public class the_ogp_sample_row_by_row
{
    private static readonly IReadOnlyList<OgpRow> Rows = IrmSample.Rows.Select(r => new OgpRow(r.Line, r.Cells)).ToList();
    private static readonly IReadOnlySet<string> DayFirst = OgpCommitmentRow.PlansWritingDayFirst(Rows);

    private static RowReading Read(OgpRow row) => OgpCommitmentRow.Read(row, DayFirst.Contains(OgpCommitmentRow.PlanKey(row)));

    [Fact]
    public void seventy_five_rows_are_readable_and_four_are_refused_for_their_lead_institution()
    {
        var refused = Rows.Select(r => (Row: r, Reading: Read(r))).Where(x => x.Reading.Commitment is null).ToList();

        refused.Select(x => x.Row[OgpColumns.Identifier]).ShouldBe(["PY0066", "PY0067", "PY0069", "UA0013"], ignoreOrder: true);
        refused.ShouldAllBe(x => x.Reading.Problems.Single().Column == OgpColumns.LeadInstitution);
        Rows.Count(r => Read(r).Commitment != null).ShouldBe(75);
    }

    [Fact]
    public void the_plans_of_ghana_ukraine_and_paraguay_that_write_days_first_are_recognised()
    {
        DayFirst.ShouldBe(["GH/1", "PY/2", "UA/2"], ignoreOrder: true);
    }

    /// <summary>
    /// Tracker's computed ratings agree with the IRM's cells everywhere except where the file rates what Tracker has
    /// no indicator for (Verifiable without a Specificity, 29 rows), or spells a non-rating as a level ("Unclear"
    /// completion, "No early results to report yet"), and the two end-of-term stars of GH0021/GH0025 (see Starred).
    /// </summary>
    [Fact]
    public void computed_ratings_differ_from_the_file_only_where_the_file_rates_outside_trackers_indicators()
    {
        var differences = Rows.Select(r => (Row: r, Commitment: Read(r).Commitment)).Where(x => x.Commitment is not null)
            .SelectMany(x => OgpRatings.Compared.Select(column => (Code: x.Commitment!.Code, Column: column, File: x.Row[column],
                Tracker: OgpRatings.Cells(x.Commitment.Assessments)[column])))
            .Where(d => !OgpRatings.SameRating(d.File, d.Tracker))
            .ToList();

        differences.Count.ShouldBe(37);
        differences.Where(d => d.Column == OgpColumns.Verifiable).ShouldAllBe(d => d.Tracker == "ND" && (d.File == "Yes" || d.File == "No"));
        differences.Count(d => d.Column == OgpColumns.Verifiable).ShouldBe(29);
        differences.Where(d => d.Column == OgpColumns.StarredEndOfTerm).Select(d => d.Code).ShouldBe(["GH0021", "GH0025"], ignoreOrder: true);
        differences.Where(d => d.Column == OgpColumns.OpenGovernmentNumber).Select(d => d.Code).ShouldBe(["UA0088", "UA0090", "UA0093", "UA0100"], ignoreOrder: true);
        differences.Where(d => d.Column is OgpColumns.EndOfTermCompletionNumber or OgpColumns.RawCompletion).ShouldAllBe(d => d.Code == "PY0052");
        differences.ShouldNotContain(d => d.Column == OgpColumns.BindingConstraint);
        differences.ShouldNotContain(d => d.Column == OgpColumns.StarredMidterm);
    }

    [Fact]
    public void nl0003_computes_the_irms_ratings_and_star()
    {
        var row = Rows.Single(r => r[OgpColumns.Identifier] == "NL0003");
        var cells = OgpRatings.Cells(Read(row).Commitment!.Assessments);

        foreach (var column in new[]
                 {
                     OgpColumns.Specificity, OgpColumns.SpecificityNumber, OgpColumns.Verifiable, OgpColumns.AccessToInformation,
                     OgpColumns.CivicParticipation, OgpColumns.PublicAccountability, OgpColumns.Technology, OgpColumns.Relevant,
                     OgpColumns.PotentialImpact, OgpColumns.MidtermCompletion, OgpColumns.Starred2014, OgpColumns.StarredMidterm,
                     OgpColumns.EndOfTermCompletion, OgpColumns.ChangeInCompletion, OgpColumns.ChangeInCompletionNumber, OgpColumns.OpenGovernment,
                     OgpColumns.StarredEndOfTerm, OgpColumns.HighAmbition, OgpColumns.HighCompletion, OgpColumns.RawCompletion,
                     OgpColumns.NotReviewed, OgpColumns.BindingConstraint,
                 })
            cells[column].ShouldBe(row[column], column);
        cells[OgpColumns.StarredMidterm].ShouldBe("0");
        cells[OgpColumns.BindingConstraint].ShouldBe("PotImp");
    }
}
