using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.OpenData.Importing.Pages;

namespace Tracker.IntegrationTests.OpenData;

/// <summary>
/// The point of contact's OGP upload page: the file is checked in the request, imported in the background by the API's
/// own import, and the import's page shows real progress (rows decided) while it runs, then the row-level report.
/// </summary>
public partial class importing_from_the_workbench(TrackerApp app) : IClassFixture<TrackerApp>
{
    private const string Upload = "/workbench/admin/imports";

    [GeneratedRegex("<progress id=\"import-progress\" max=\"150\" value=\"([0-9]+)\"")]
    private static partial Regex Progress();

    private ImportJob JobOf(HttpResponseMessage redirect) =>
        app.Services.GetRequiredService<ImportJobs>().Find(Guid.Parse(redirect.Headers.Location!.ToString().Split('/')[^1]))!;

    // Completes once the job has reported at least <paramref name="rows"/> rows decided.
    private static Task RowsDone(ImportJob job, int rows)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        job.Progressed += done => { if (done >= rows) reached.TrySetResult(); };
        if (job.RowsDone >= rows) reached.TrySetResult();
        return reached.Task;
    }

    [Fact]
    public async Task an_upload_runs_in_the_background_its_page_shows_the_rows_done_while_it_runs_and_then_the_report()
    {
        var admin = await app.SignedIn("admin", "poc-import");
        HttpResponseMessage started;
        string running;
        await using (await HeldAppends.HoldAsync(app.Store, app.ConnectionString))
        {
            started = await admin.SubmitUpload(Upload, new UploadForm(MadeOgpFile.Of("IW", "Importland", 150, offScale: 7), []), Upload);
            started.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            // 100 rows are decided (one refused); the 101st fills the first batch of 100, whose commit waits for the held appends.
            await RowsDone(JobOf(started), 100).WaitAsync(TimeSpan.FromMinutes(2));
            var response = await admin.GetAsync(started.Headers.Location!.ToString());
            response.Headers.GetValues("Refresh").ShouldBe(["1"]);
            running = await response.Content.ReadAsStringAsync();
        }
        var job = JobOf(started);
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var finished = await admin.GetAsync(started.Headers.Location!.ToString());
        var report = await finished.Content.ReadAsStringAsync();

        running.ShouldContain("role=\"status\"");
        Progress().Match(running).Groups[1].Value.ShouldBe("100");
        running.ShouldContain("100 of 150 rows (66%)");
        finished.Headers.Contains("Refresh").ShouldBeFalse();
        report.ShouldContain("id=\"import-report\"");
        report.ShouldContain("<dt>Taken</dt><dd>149</dd>");
        report.ShouldContain("<td data-label=\"Line\">8</td><td data-label=\"Code\">IW0007</td><td data-label=\"Column\">Specificity</td>");
        report.ShouldContain("Consistency with the file’s ratings");
        (await app.Anonymous().GetAsync("/api/commitments/IW0150")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Anonymous().GetAsync("/api/commitments/IW0007")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_file_that_is_not_an_ogp_csv_is_refused_beside_the_file_field_and_nothing_starts()
    {
        var admin = await app.SignedIn("admin", "poc-not-csv");
        var before = await app.EventCount();

        var refused = await admin.SubmitUpload(Upload, new UploadForm("Name,Colour\r\nRose,Red\r\n"u8.ToArray(), [new("dryRun", "true")]), Upload);
        var html = await refused.Content.ReadAsStringAsync();

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"file-error\"");
        html.ShouldContain("Commitment Unique Identifier");
        html.ShouldMatch("id=\"dryRun\"[^>]*checked");
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_ministry_cannot_open_the_upload_page_nor_send_a_file()
    {
        var member = await Arrange.Member(app.Admin(), "Uploadland", "UL");
        var ministry = await app.SignedIn("ministry", "civil-servant", await Arrange.Institution(app.Admin(), member, "Ministry of Uploads"));
        var before = await app.EventCount();

        var page = await ministry.GetAsync(Upload);
        var post = await ministry.SubmitUpload(Upload, new UploadForm(MadeOgpFile.Of("UL", "Uploadland", 2), []));

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.EventCount()).ShouldBe(before);
        (await app.Anonymous().GetAsync("/api/commitments/UL0001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
