using System.Net.Http.Headers;
using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.OpenData;

/// <summary>The repository's OGP sample (src/Tracker/OpenData/Demo), and uploads of files to the import endpoint.</summary>
public static class OgpUploads
{
    private const string SamplePath = "src/Tracker/OpenData/Demo/ogp-commitments-sample.csv";

    /// <summary>The sample's bytes, found by walking up from the test binaries to the repository (never ../shared).</summary>
    public static byte[] Sample()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, SamplePath))) return File.ReadAllBytes(Path.Combine(folder.FullName, SamplePath));
        throw new FileNotFoundException($"No folder above {AppContext.BaseDirectory} contains {SamplePath}.");
    }

    /// <summary>POSTs <paramref name="file"/> as the multipart field <c>file</c>.</summary>
    public static Task<HttpResponseMessage> Upload(this HttpClient client, byte[] file, bool dryRun = false, string field = "file")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, field, "commitments.csv");
        return client.PostAsync($"/api/import/ogp{(dryRun ? "?dryRun=true" : "")}", content);
    }

    /// <summary>Imports <paramref name="file"/> as an admin and returns the report.</summary>
    public static async Task<JsonElement> Import(this TrackerApp app, byte[] file, bool dryRun = false)
    {
        var response = await app.Admin().Upload(file, dryRun);
        await response.ShouldHaveStatus(200);
        return await response.Read<JsonElement>();
    }

    /// <summary>The number of events in the store.</summary>
    public static async Task<long> EventCount(this TrackerApp app) =>
        (await app.Store.Advanced.FetchEventStoreStatistics()).EventCount;
}

/// <summary>A host whose database holds the imported OGP sample (imported once, through the API, as the class starts).</summary>
public class ImportedSample : TrackerApp, IAsyncLifetime
{
    /// <summary>The report of the import.</summary>
    public JsonElement Report { get; private set; }

    /// <inheritdoc />
    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Report = await this.Import(OgpUploads.Sample());
    }
}
