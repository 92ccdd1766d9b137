using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.OpenData;

/// <summary>A second, empty host and database.</summary>
public class EmptyTracker : TrackerApp;

public class round_tripping_the_ogp_export(ImportedSample source, EmptyTracker target) : IClassFixture<ImportedSample>, IClassFixture<EmptyTracker>
{
    [Fact]
    public async Task export_then_import_into_an_empty_database_then_export_gives_the_same_bytes()
    {
        var first = await (await source.Anonymous().GetAsync("/api/export/commitments.csv")).Content.ReadAsByteArrayAsync();

        var report = await target.Import(first);
        var second = await (await target.Anonymous().GetAsync("/api/export/commitments.csv")).Content.ReadAsByteArrayAsync();

        report.GetProperty("taken").GetInt32().ShouldBe(75);
        report.GetProperty("refused").GetInt32().ShouldBe(0);
        report.GetProperty("takenRows").EnumerateArray().ShouldAllBe(r => r.GetProperty("warnings").GetArrayLength() == 0);
        first.Length.ShouldBeGreaterThan(100_000);
        second.ShouldBe(first);
    }
}
