using System.Text;
using CsvHelper;
using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Infrastructure;

namespace Tracker.IntegrationTests.OpenData;

public class importing_the_ogp_sample(ImportedSample app) : IClassFixture<ImportedSample>
{
    private static string[] Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToArray();

    [Fact]
    public void every_row_the_irm_published_is_taken()
    {
        var report = app.Report;

        report.GetProperty("rows").GetInt32().ShouldBe(79);
        report.GetProperty("taken").GetInt32().ShouldBe(79);
        report.GetProperty("alreadyPresent").GetInt32().ShouldBe(0);
        report.GetProperty("refused").GetInt32().ShouldBe(0);

        var registered = report.GetProperty("registered");
        registered.GetProperty("members").GetInt32().ShouldBe(4);
        registered.GetProperty("plans").GetInt32().ShouldBe(19);
        registered.GetProperty("commitments").GetInt32().ShouldBe(79);
        // Per plan, the reports the file rates: Ghana's and Paraguay's 2021–2024 plans an Action Plan Review alone, the
        // 2020–2022 plans of the Netherlands and Ukraine an Action Plan Review, a Results Report and an end of term
        // ("did it open government?" rated Marginal or Major), the older plans a midterm and an end of term.
        registered.GetProperty("reviewReports").GetInt32().ShouldBe(32);
        report.GetProperty("publishedReviews").GetArrayLength().ShouldBe(32);
        report.GetProperty("publishedReviews").EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "actionPlanReview").ShouldBe(4);
        report.GetProperty("publishedReviews").EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "resultsReport").ShouldBe(2);
    }

    /// <summary>
    /// 24 cells where the file contradicts the IRM's own definitions (the_ogp_sample_row_by_row says which), and Active
    /// Commitment wherever the plan's end and today's date say otherwise than the file did in 2024.
    /// </summary>
    [Fact]
    public void the_consistency_section_lists_each_cell_where_the_file_disagrees_with_the_computation()
    {
        var consistency = app.Report.GetProperty("consistency").EnumerateArray().ToList();
        var today = Days.Of(app.Services.GetRequiredService<TimeProvider>());
        var file = Csv.Rows(Encoding.UTF8.GetString(OgpUploads.Sample())).ToDictionary(r => r["Commitment Unique Identifier"]);

        consistency.Count(d => d.GetProperty("column").GetString() != "Active Commitment").ShouldBe(24);
        var active = consistency.Where(d => d.GetProperty("column").GetString() == "Active Commitment").Select(d => d.GetProperty("code").GetString()!);
        active.ShouldBe(file.Values.Where(r => (int.Parse(r["Action Plan End Year"]) >= today.Year) != (r["Active Commitment"] == "1"))
            .Select(r => r["Commitment Unique Identifier"]), ignoreOrder: true);
    }

    [Fact]
    public async Task the_rows_refused_before_are_held_with_their_co_leads_or_a_lead_not_named()
    {
        var py0066 = await app.Anonymous().Get<JsonElement>("/api/commitments/PY0066");
        var ua0013 = await app.Anonymous().Get<JsonElement>("/api/commitments/UA0013");
        var html = await app.Anonymous().GetStringAsync("/commitments/UA0013");

        py0066.GetProperty("leadInstitution").GetProperty("name").GetString().ShouldBe("Secretaría General");
        Strings(py0066.GetProperty("coLeadInstitutions"), "name").ShouldBe(["Secretaría", "Dirección General de Gabinete",
            "Dirección General de Tecnología de la Información", "Comisiones, Dirección General de Comisiones, Dirección General de Control del Gasto Público",
            "Dirección General de Observatorio Legislativo y Oficina de Monitoreo", "Dirección General Bicameral de Presupuesto"]);
        ua0013.GetProperty("leadNotNamed").GetBoolean().ShouldBeTrue();
        ua0013.GetProperty("leadInstitution").ValueKind.ShouldBe(JsonValueKind.Null);
        ua0013.GetProperty("coLeadInstitutions").GetArrayLength().ShouldBe(0);
        html.ShouldContain("Lead not named");
    }

    /// <summary>
    /// Issue 11's acceptance: every cell of the sample against the export. Each is equal after the canonical forms of
    /// docs/open-data.md, or the consistency section lists it with the file's value and the one exported; no column is
    /// blank where the file had a value.
    /// </summary>
    [Fact]
    public async Task every_cell_of_the_sample_is_given_back_or_listed_with_both_values()
    {
        var file = Csv.Rows(Encoding.UTF8.GetString(OgpUploads.Sample()));
        var exported = Csv.Rows(await app.Anonymous().GetStringAsync("/api/export/commitments.csv"))
            .ToDictionary(r => r["Commitment Unique Identifier"]);
        var listed = app.Report.GetProperty("consistency").EnumerateArray()
            .ToDictionary(d => (d.GetProperty("code").GetString()!, d.GetProperty("column").GetString()!),
                d => (File: d.GetProperty("file").GetString()!, Tracker: d.GetProperty("tracker").GetString()!));

        var unexplained = new List<string>();
        var cells = 0;
        foreach (var row in file)
        {
            var code = row["Commitment Unique Identifier"];
            var ours = exported[code];
            foreach (var (column, cell) in row)
            {
                cells++;
                var given = Tracker.OpenData.SpreadsheetFormulas.Restore(ours[column]); // the CSV's guard against formulas ('-1), not a value
                if (cell.Trim().Length > 0 && given.Length == 0) unexplained.Add($"{code} {column}: blank, the file says '{cell}'");
                else if (listed.TryGetValue((code, column), out var both))
                {
                    if (both.File != cell.Trim() || both.Tracker != given) unexplained.Add($"{code} {column}: listed as {both}, file '{cell}', export '{given}'");
                }
                else if (!Tracker.OpenData.Importing.OgpSourceCells.Same(cell, given))
                    unexplained.Add($"{code} {column}: file '{cell}', export '{given}'");
            }
        }

        cells.ShouldBe(79 * 171);
        unexplained.ShouldBeEmpty();
    }

    private async Task<JsonElement> Review(string code, string kind)
    {
        var plan = (await app.Anonymous().Get<JsonElement>($"/api/commitments/{code}")).GetProperty("planId").GetGuid();
        var review = await app.Anonymous().Get<JsonElement>($"/api/plans/{plan}/reviews/{kind}");
        review.GetProperty("method").GetString().ShouldBe("irm2021");
        review.GetProperty("status").GetString().ShouldBe("published");
        return review.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("currentMethod");
    }

    [Fact]
    public async Task the_rows_assessed_by_the_current_method_are_in_the_plans_action_plan_review_with_their_cluster()
    {
        var py0080 = await Review("PY0080", "action-plan-review");
        var gh0040 = await Review("GH0040", "action-plan-review");
        var plan = (await app.Anonymous().Get<JsonElement>("/api/commitments/PY0080")).GetProperty("planId").GetGuid();
        var page = await app.Anonymous().GetStringAsync($"/plans/{plan}/reviews/action-plan-review");

        py0080.GetProperty("verifiable").GetBoolean().ShouldBeTrue();
        py0080.GetProperty("openGovernmentLens").GetBoolean().ShouldBeTrue();
        py0080.GetProperty("potentialForResults").GetString().ShouldBe("modest");
        py0080.GetProperty("cluster").GetString().ShouldBe("PY0080, PY0081");
        gh0040.GetProperty("potentialForResults").GetString().ShouldBe("modest");
        gh0040.GetProperty("cluster").ValueKind.ShouldBe(JsonValueKind.Null);
        page.ShouldContain("<h2 id=\"clusters\">Clusters</h2>");
        page.ShouldContain("<li>PY0080, PY0081</li>");
        page.ShouldContain("<td data-label=\"Potential for results\">Modest</td>");
        page.ShouldContain("<td data-label=\"Cluster\">PY0080, PY0081</td>");
    }

    [Fact]
    public async Task the_results_report_holds_the_completion_and_early_results_and_the_commitment_page_shows_them()
    {
        var ua0088 = await Review("UA0088", "results-report");
        var ua0087 = await Review("UA0087", "results-report");
        var page = await app.Anonymous().GetStringAsync("/commitments/UA0088");

        ua0088.GetProperty("completion").GetString().ShouldBe("limited");
        ua0088.GetProperty("earlyResults").GetString().ShouldBe("noneToReportYet");
        ua0087.GetProperty("earlyResults").GetString().ShouldBe("notAssessed"); // the file rates it on the 2011 scale: the end of term's
        page.ShouldContain("Action Plan Review ratings");
        page.ShouldContain("Results Report ratings");
        page.ShouldContain("<td data-label=\"Rating\">None to report yet</td>");
        page.ShouldContain("<td data-label=\"Rating\">Modest</td>");
    }

    [Fact]
    public async Task the_export_writes_the_current_methods_columns_from_the_reports()
    {
        var exported = Csv.Rows(await app.Anonymous().GetStringAsync("/api/export/commitments.csv")).ToDictionary(r => r["Commitment Unique Identifier"]);

        exported["PY0080"]["Cluster (AP Review)"].ShouldBe("1");
        exported["PY0080"]["Cluster Commitment ID(s)"].ShouldBe("PY0080, PY0081");
        exported["PY0080"]["Cluster"].ShouldBe("ND");
        exported["GH0040"]["Verifiable"].ShouldBe("Yes");
        exported["GH0031"]["Potential for Results"].ShouldBe("Unclear");
        exported["UA0088"]["Did It Open Government (Overall)"].ShouldBe("No early results to report yet");
        exported["UA0088"]["_OpenGovernment"].ShouldBe("1");
        exported["NL0039"]["Did It Open Government (Overall)"].ShouldBe("Major");
        exported["NL0039"]["Completion (End Of Term)"].ShouldBe("Substantial");
    }

    [Fact]
    public void dates_the_import_could_not_read_as_written_are_reported_on_the_row_it_took()
    {
        var nl0058 = app.Report.GetProperty("takenRows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "NL0058");

        Strings(nl0058.GetProperty("warnings"), "column").ShouldBe(["Start Date", "End Date"]);
        nl0058.GetProperty("warnings")[0].GetProperty("message").GetString()!.ShouldContain("7/15/1905");
    }

    [Fact]
    public async Task nl0003_is_held_with_its_irm_ratings_and_star_computed_as_the_file_states_them()
    {
        var page = await app.Anonymous().Get<JsonElement>("/api/commitments/NL0003");
        var csv = await app.Anonymous().GetStringAsync("/api/export/commitments.csv?member=NL");
        var exported = Csv.Rows(csv).Single(r => r["Commitment Unique Identifier"] == "NL0003");
        var file = Csv.Rows(Encoding.UTF8.GetString(OgpUploads.Sample())).Single(r => r["Commitment Unique Identifier"] == "NL0003");

        page.GetProperty("title").GetString().ShouldBe("Open House of Representatives");
        page.GetProperty("leadInstitution").GetProperty("name").GetString().ShouldBe("President of House of Representatives");
        page.GetProperty("start").ValueKind.ShouldBe(JsonValueKind.Null); // "2008" lies before the 2013-2015 plan: left empty
        page.GetProperty("policyAreas").EnumerateArray().Select(t => t.GetString())
            .ShouldBe(["Democratizing Decision-Making", "Regulatory Governance", "Open Parliaments"], ignoreOrder: true);
        foreach (var column in new[]
                 {
                     "Specificity", "Verifiable", "OGP Value Access To Information", "OGP Value Civic Participation",
                     "OGP Value Public Accountability", "OGP Value Technology", "_Relevant", "Potential Impact", "Completion (Progress Report)",
                     "Starred (2015 Only)", "Starred (Current Formula) Progress Report", "Completion (End Of Term)", "Change In Completion",
                     "Did It Open Government (Overall)", "Starred (Current Formula) End of Term", "High Ambition", "High Completion",
                     "Binding constraint", "Not reviewed",
                 })
            exported[column].ShouldBe(file[column], column);
        exported["Starred (Current Formula) Progress Report"].ShouldBe("0");
        exported["Binding constraint"].ShouldBe("PotImp");
    }

    [Fact]
    public async Task importing_the_same_file_again_appends_no_event()
    {
        var before = await app.EventCount();

        var again = await app.Import(OgpUploads.Sample());

        (await app.EventCount()).ShouldBe(before);
        again.GetProperty("taken").GetInt32().ShouldBe(0);
        again.GetProperty("alreadyPresent").GetInt32().ShouldBe(79);
        again.GetProperty("refused").GetInt32().ShouldBe(0);
        again.GetProperty("eventsAppended").GetInt64().ShouldBe(0);
        again.GetProperty("publishedReviews").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task the_export_is_filtered_by_member_and_plan_and_json_carries_the_same_columns()
    {
        var plans = await app.Anonymous().Get<JsonElement[]>("/api/plans?member=Ghana");
        var firstPlan = plans.Single(p => p.GetProperty("number").GetInt32() == 1).GetProperty("id").GetGuid();

        var ghana = Csv.Rows(await app.Anonymous().GetStringAsync("/api/export/commitments.csv?member=GH"));
        var plan = Csv.Rows(await app.Anonymous().GetStringAsync($"/api/export/commitments.csv?plan={firstPlan}"));
        var json = await app.Anonymous().Get<JsonElement>("/api/export/commitments.json");
        var unknown = await app.Anonymous().GetAsync("/api/export/commitments.csv?member=Atlantis");

        ghana.Count.ShouldBe(23);
        ghana.ShouldAllBe(r => r["Country/Locality"] == "Ghana");
        plan.Select(r => r["Commitment Unique Identifier"]).ShouldBe(["GH0001", "GH0003", "GH0005", "GH0006", "GH0008", "GH0009", "GH0010"]);
        json.GetArrayLength().ShouldBe(79);
        json[0].EnumerateObject().Count().ShouldBe(171);
        json[0].GetProperty("Commitment Unique Identifier").GetString().ShouldBe("GH0001");
        await unknown.ShouldBeProblem(404, "member.not_found");
    }

    [Fact]
    public async Task only_an_admin_may_import()
    {
        (await app.Anonymous().Upload(OgpUploads.Sample())).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        (await app.As(TrackerRole.Reviewer).Upload(OgpUploads.Sample())).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}

/// <summary>Reads CSV rows by header with CsvHelper, for the tests' own checks (not the importer's reader, under test elsewhere).</summary>
public static class Csv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string text)
    {
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false });
        var records = new List<string[]>();
        while (csv.Read()) records.Add(csv.Current.ToArray());
        var header = records[0];
        return records.Skip(1).Select(r => (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
    }
}
