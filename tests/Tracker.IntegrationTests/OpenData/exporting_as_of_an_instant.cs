using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.OpenData;

/// <summary>
/// The export answers <c>?asOf=</c> as every read does: the commitments, plans and published reviews as they stood at
/// that instant, the errata issued by then and no later; before the import, nothing.
/// </summary>
public class exporting_as_of_an_instant(ImportedSample app) : IClassFixture<ImportedSample>
{
    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Exported(string query) =>
        Csv.Rows(await app.Anonymous().GetStringAsync("/api/export/commitments.csv?member=PY" + query)).ToDictionary(r => r["Commitment Unique Identifier"]);

    [Fact]
    public async Task the_export_as_of_an_instant_before_an_erratum_writes_the_rating_published_then()
    {
        var py0081 = await app.Anonymous().Get<JsonElement>("/api/commitments/PY0081");
        var (plan, commitment) = (py0081.GetProperty("planId").GetGuid(), py0081.GetProperty("id").GetGuid());
        var review = await app.Anonymous().Get<JsonElement>($"/api/plans/{plan}/reviews/action-plan-review");
        var history = await app.Admin().Get<JsonElement[]>($"/api/streams/{review.GetProperty("reportId").GetGuid()}/history");
        var beforeErratum = Uri.EscapeDataString(history[^1].GetProperty("recordedAt").GetDateTimeOffset().ToString("O"));
        var published = history.Single(e => e.GetProperty("type").GetString() == "review_report_published").GetProperty("recordedAt").GetDateTimeOffset();
        var beforePublication = Uri.EscapeDataString(published.AddTicks(-1).ToString("O"));
        var now = await Exported("");

        await (await app.Admin().Post($"/api/plans/{plan}/reviews/action-plan-review/errata", new
        {
            commitmentId = commitment, indicator = "PotentialForResults", value = "Substantial", reason = "The IRM's corrected review.",
        })).ShouldHaveStatus(200);

        var after = await Exported("");
        var asOfBeforeErratum = await Exported("&asOf=" + beforeErratum);
        var asOfBeforePublication = await Exported("&asOf=" + beforePublication);
        var beforeTheImport = await app.Anonymous().GetStringAsync("/api/export/commitments.csv?asOf=2000-01-01");

        now["PY0081"]["Potential for Results"].ShouldBe("Modest");
        after["PY0081"]["Potential for Results"].ShouldBe("Substantial");
        asOfBeforeErratum["PY0081"]["Potential for Results"].ShouldBe(now["PY0081"]["Potential for Results"]);
        asOfBeforeErratum.Keys.Order().ShouldBe(now.Keys.Order());
        asOfBeforePublication["PY0081"]["Potential for Results"].ShouldBe("NR"); // not reviewed: the review was still a draft
        asOfBeforePublication["PY0081"]["Commitment Title"].ShouldBe(now["PY0081"]["Commitment Title"]);
        Csv.Rows(beforeTheImport).ShouldBeEmpty();
    }

    [Fact]
    public async Task an_instant_that_is_not_one_is_a_400_on_asOf_and_a_plan_that_did_not_exist_yet_a_404()
    {
        var plan = (await app.Anonymous().Get<JsonElement>("/api/commitments/PY0081")).GetProperty("planId").GetGuid();

        (await (await app.Anonymous().GetAsync("/api/export/commitments.csv?asOf=2017-02-30")).ShouldBeProblem(400))
            .GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
        await (await app.Anonymous().GetAsync("/api/export/commitments.json?asOf=yesterday")).ShouldBeProblem(400);
        var missing = await (await app.Anonymous().GetAsync($"/api/export/commitments.csv?plan={plan}&asOf=2000-01-01")).ShouldBeProblem(404, "plan.not_found");
        (missing.GetProperty("detail").GetString() ?? "").ShouldContain("at that time");
    }
}
