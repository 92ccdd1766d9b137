using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.OpenData;

/// <summary>
/// The current method's columns of the export come from the imported reports' events, not from the file: an erratum to
/// the published Action Plan Review changes what the export writes; a clustering after publication does not, for the
/// published review is a fact (its clusters included) and the export gives it back.
/// </summary>
public class correcting_the_imported_current_method_reviews(ImportedSample app) : IClassFixture<ImportedSample>
{
    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Exported() =>
        Csv.Rows(await app.Anonymous().GetStringAsync("/api/export/commitments.csv?member=PY")).ToDictionary(r => r["Commitment Unique Identifier"]);

    [Fact]
    public async Task an_erratum_is_what_the_export_then_writes_and_a_later_clustering_leaves_the_published_review_as_it_was()
    {
        var py0082 = await app.Anonymous().Get<JsonElement>("/api/commitments/PY0082");
        var (plan, commitment) = (py0082.GetProperty("planId").GetGuid(), py0082.GetProperty("id").GetGuid());
        var before = await Exported();

        await (await app.Admin().Post($"/api/plans/{plan}/reviews/action-plan-review/errata", new
        {
            commitmentId = commitment, indicator = "PotentialForResults", value = "Substantial", reason = "The IRM's corrected review.",
        })).ShouldHaveStatus(200);
        await (await app.Admin().Post($"/api/commitments/{commitment}/cluster", new { cluster = "PY0080, PY0081" })).ShouldHaveStatus(200);
        var after = await Exported();
        var page = await app.Anonymous().GetStringAsync($"/plans/{plan}/reviews/action-plan-review");

        before["PY0082"]["Potential for Results"].ShouldBe("Modest");
        after["PY0082"]["Potential for Results"].ShouldBe("Substantial");
        after["PY0082"]["_Potential for Results"].ShouldBe("2");
        before["PY0080"]["Cluster Commitment ID(s)"].ShouldBe("PY0080, PY0081");
        after["PY0080"]["Cluster Commitment ID(s)"].ShouldBe("PY0080, PY0081");
        after["PY0082"]["Cluster (AP Review)"].ShouldBe("0");
        page.ShouldContain("<li>PY0080, PY0081</li>");
        page.ShouldContain("<td data-label=\"Potential for results\">Substantial</td>");
    }
}
