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
    public void every_row_the_irm_published_is_readable()
    {
        Rows.Count.ShouldBe(79);
        Rows.Where(r => Read(r).Commitment is null).Select(r => r[OgpColumns.Identifier]).ShouldBeEmpty();
    }

    [Fact]
    public void the_rows_refused_before_are_read_with_their_co_leads_or_a_lead_not_named()
    {
        Leads("PY0066").ShouldBe(["Secretaría General", "Secretaría", "Dirección General de Gabinete", "Dirección General de Tecnología de la Información",
            "Comisiones, Dirección General de Comisiones, Dirección General de Control del Gasto Público",
            "Dirección General de Observatorio Legislativo y Oficina de Monitoreo", "Dirección General Bicameral de Presupuesto"]);
        Leads("PY0067").Count.ShouldBe(11); // 15 items, four of them named twice
        Leads("PY0067")[^1].ShouldBe("Dirección General de Desarrollo Institucional y Cooperación Externa");
        Leads("PY0069").ShouldBe(["Dirección General de Comisiones", "Comisiones", "Dirección General de Observatorio Legislativo y Monitoreo",
            "Dirección de Investigación Legislativa", "Dirección General de Atención a la Ciudadanía y AIP (OAC)", "Secretaría General", "Secretaría",
            "Dirección General de Gabinete", "Dirección General de Comunicaciones", "Dirección General de Desarrollo Institucional y Cooperación Externa"]);
        Leads("UA0013").ShouldBeEmpty();
        Leads("UA0105").ShouldBe(["Vice Prime Minister for European and Euro-Atlantic Integration of Ukraine",
            "Government Office for the Coordination of European and Euro-Atlantic Integration"]);
        Leads("NL0005").ShouldBe(["Ministry of the Interior and Kingdom Relations & Ministry of Security and Justice"]);
        Leads("GH0039").ShouldBe(["Ministry of Gender, Children and Social Protection, Ministry of Local Government, Decentralization and Rural Development"]);
    }

    private static IReadOnlyList<string> Leads(string code) => Read(Rows.Single(r => r[OgpColumns.Identifier] == code)).Commitment!.LeadInstitutions;

    [Fact]
    public void the_plans_of_ghana_ukraine_and_paraguay_that_write_days_first_are_recognised()
    {
        DayFirst.ShouldBe(["GH/1", "PY/2", "UA/2"], ignoreOrder: true);
    }

    // The sample was made in 2024: its Active Commitment cells are those of a day in 2024.
    private static readonly DateOnly SampleDay = new(2024, 6, 30);

    private static List<RatingDifference> Differences(DateOnly today) =>
        Rows.Select(r => (Row: r, Commitment: Read(r).Commitment!)).SelectMany(x => OgpConsistency.Differences(x.Row, x.Commitment, today)).ToList();

    /// <summary>
    /// Tracker's computed columns agree with the IRM's cells everywhere except: the two end-of-term stars of GH0021 and
    /// GH0025 (0 in the file although an input is ND, see Starred) and the Max star and IRM Assessed that follow from
    /// them; a non-level the file numbers (the "Unclear" completion of PY0052, a 2011–2020 row); and the quadrants of five
    /// Paraguayan rows the file puts elsewhere than its own High Ambition/Completion say. "No early results to report
    /// yet" (UA0088, UA0090, UA0093, UA0100) is the Results Report's early results, written back as the file writes it.
    /// </summary>
    [Fact]
    public void computed_columns_differ_from_the_file_only_where_the_file_contradicts_its_own_definitions()
    {
        var differences = Differences(SampleDay);

        differences.Count.ShouldBe(24);
        differences.ShouldNotContain(d => d.Column == OgpColumns.Verifiable); // the review's own verdict, else derived from Specificity
        differences.Where(d => d.Column is OgpColumns.StarredEndOfTerm or "Max star" or "IRM Assessed").Select(d => d.Code).Distinct()
            .ShouldBe(["GH0021", "GH0025"], ignoreOrder: true);
        differences.ShouldNotContain(d => d.Column == OgpColumns.OpenGovernmentNumber || d.Column == "DIOG Assessed");
        differences.ShouldNotContain(d => reading_the_current_methods_rows.AssessedByTheCurrentMethod.Contains(d.Code));
        differences.Where(d => d.Column is OgpColumns.EndOfTermCompletionNumber or OgpColumns.RawCompletion or "Midterm Only").ShouldAllBe(d => d.Code == "PY0052");
        differences.Where(d => d.Column == "IRM-Based Score").Select(d => (d.Code, d.File, d.Tracker))
            .ShouldBe([("PY0038", "4", "2"), ("PY0052", "3", "1"), ("PY0068", "4", "2"), ("PY0069", "1", "4"), ("PY0056", "4", "2")], ignoreOrder: true);
        differences.ShouldNotContain(d => d.Column == OgpColumns.BindingConstraint);
        differences.ShouldNotContain(d => d.Column == OgpColumns.StarredMidterm);
        differences.ShouldNotContain(d => d.Column == "Active Commitment");
    }

    [Fact]
    public void a_commitment_is_active_while_its_plan_has_not_ended_so_the_2024_file_disagrees_with_a_later_day()
    {
        var later = Differences(new DateOnly(2026, 12, 1)).Where(d => d.Column == "Active Commitment").ToList();

        later.Select(d => d.Code).ShouldBe(["PY0080", "PY0081", "PY0082", "PY0071", "PY0072", "UA0105"], ignoreOrder: true);
        later.ShouldAllBe(d => d.File == "1" && d.Tracker == "0");
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
