using System.Net.Http.Headers;
using System.Text;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.OpenData;

public class refusing_bad_ogp_uploads(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task a_body_that_is_not_multipart_is_refused_naming_the_file_field()
    {
        var response = await app.Admin().PostAsync("/api/import/ogp", new StringContent("Commitment Unique Identifier\r\n", Encoding.UTF8, "text/csv"));

        var problem = await response.ShouldBeProblem(400, "import.not_multipart");
        problem.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("multipart/form-data");
    }

    [Fact]
    public async Task a_form_without_the_file_field_is_refused()
    {
        var response = await app.Admin().Upload(OgpUploads.Sample(), field: "upload");

        (await response.ShouldBeProblem(400, "import.no_file")).GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("'file'");
    }

    [Fact]
    public async Task binary_content_is_not_a_csv()
    {
        var response = await app.Admin().Upload([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);

        (await response.ShouldBeProblem(400, "import.not_ogp_csv")).GetProperty("detail").GetString()!.ShouldContain("binary");
    }

    [Fact]
    public async Task a_file_missing_a_required_column_is_refused_naming_the_column_and_nothing_is_written()
    {
        var lines = Encoding.UTF8.GetString(OgpUploads.Sample()).Split("\r\n");
        var header = lines[0].Split(',').ToList();
        var lead = header.IndexOf("Lead Institution");
        var withoutLead = "Commitment Unique Identifier,Country/Locality,Action Plan Number,Commitment Number,National Or Local,"
            + "Year Of Submission,Action Plan End Year,Commitment Title\r\nNL0099,Netherlands,1,1,National,2013,2015,A title\r\n";
        var before = await app.EventCount();

        var response = await app.Admin().Upload(Encoding.UTF8.GetBytes(withoutLead));

        lead.ShouldBeGreaterThan(0);
        var problem = await response.ShouldBeProblem(400, "import.missing_columns");
        problem.GetProperty("errors").GetProperty("Lead Institution").GetArrayLength().ShouldBe(1);
        problem.GetProperty("missingColumns").EnumerateArray().Select(c => c.GetString()).ShouldBe(["Lead Institution"]);
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_dry_run_reports_what_it_would_take_and_writes_nothing()
    {
        var before = await app.EventCount();

        var report = await app.Import(OgpUploads.Sample(), dryRun: true);

        report.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        report.GetProperty("taken").GetInt32().ShouldBe(79);
        report.GetProperty("refused").GetInt32().ShouldBe(0);
        report.GetProperty("publishedReviews").GetArrayLength().ShouldBe(32);
        (await app.EventCount()).ShouldBe(before);
        (await app.Anonymous().GetAsync("/api/commitments/NL0003")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_row_refused_writes_nothing_while_the_rows_around_it_are_taken()
    {
        var file = "Commitment Unique Identifier,Country/Locality,Action Plan Number,Commitment Number,National Or Local,Year Of Submission,"
            + "Action Plan End Year,Commitment Title,Lead Institution,Specificity\r\n"
            + "ZZ0001,Zedland,1,1,National,2020,2022,First,Ministry of Zed,High\r\n"
            + "ZZ0002,Zedland,2,1,National,2021,2023,Second,Agency of New Things,Enormous\r\n"
            + "ZZ0003,Zedland,1,2,National,2020,2022,Third,Ministry of Zed,Low\r\n";

        var report = await app.Import(Encoding.UTF8.GetBytes(file));
        var plans = await app.Anonymous().Get<System.Text.Json.JsonElement[]>("/api/plans?member=ZZ");
        var institutions = await app.Anonymous().GetStringAsync("/api/institutions");

        report.GetProperty("taken").GetInt32().ShouldBe(2);
        var refused = report.GetProperty("refusedRows").EnumerateArray().Single();
        refused.GetProperty("line").GetInt32().ShouldBe(3);
        refused.GetProperty("problems")[0].GetProperty("column").GetString().ShouldBe("Specificity");
        plans.ShouldHaveSingleItem().GetProperty("number").GetInt32().ShouldBe(1);
        institutions.ShouldNotContain("Agency of New Things");
        (await app.Anonymous().GetAsync("/api/commitments/ZZ0002")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
