using Tracker.Infrastructure;

namespace Tracker.OpenData.Exporting;

/// <summary>
/// <c>GET /api/export/commitments.csv</c> and <c>.json</c>: public, filtered by <c>?member=</c> and <c>?plan=</c>, now or
/// <c>?asOf=</c> an instant, streamed.
/// </summary>
public static class ExportOgpEndpoints
{
    /// <summary>Maps both formats.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/api/export").WithTags("Open data");
        export.MapGet("/commitments.csv", static (string? member, string? plan, string? asOf, OgpExport ogp, CancellationToken ct) =>
                Export(member, plan, asOf, ogp, "text/csv; charset=utf-8", "ogp-commitments.csv", OgpExport.WriteCsvAsync, ct))
            .WithName("ExportCommitmentsCsv")
            .WithSummary("Export commitments in the OGP/IRM columns as CSV; ratings computed by Tracker from published reviews")
            .Produces<string>(200, "text/csv").ProducesValidationProblem().ProducesProblem(404);
        export.MapGet("/commitments.json", static (string? member, string? plan, string? asOf, OgpExport ogp, CancellationToken ct) =>
                Export(member, plan, asOf, ogp, "application/json; charset=utf-8", "ogp-commitments.json", OgpExport.WriteJsonAsync, ct))
            .WithName("ExportCommitmentsJson")
            .WithSummary("Export commitments as JSON objects keyed by the OGP/IRM column names")
            .Produces<IReadOnlyList<Dictionary<string, string>>>(200, "application/json").ProducesValidationProblem().ProducesProblem(404);
    }

    private static async Task<IResult> Export(string? member, string? plan, string? asOf, OgpExport ogp, string contentType, string fileName,
        Func<Stream, IAsyncEnumerable<string[]>, CancellationToken, Task> write, CancellationToken ct)
    {
        if (!AsOf.TryParse(asOf, out var instant, out var invalid)) return invalid!;
        var (filter, field, problem) = await ogp.FilterAsync(member, plan, instant, ct);
        if (filter is null) return Problems.Result(Problems.Of(404, $"{field}.not_found", problem!));
        var rows = await FirstReadAsync(ogp.RowsAsync(filter, ct), ct);
        return Results.Stream(stream => write(stream, rows, ct), contentType, fileName);
    }

    // The first row is read before the answer starts: the export's lookups run then, so a database that does not answer is
    // a 500 problem rather than a 200 file cut short after its header, which a reader could take for a whole export.
    private static async Task<IAsyncEnumerable<string[]>> FirstReadAsync(IAsyncEnumerable<string[]> rows, CancellationToken ct)
    {
        var reader = rows.GetAsyncEnumerator(ct);
        bool any;
        try
        {
            any = await reader.MoveNextAsync();
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
        return Rest(reader, any);

        static async IAsyncEnumerable<string[]> Rest(IAsyncEnumerator<string[]> reader, bool any)
        {
            await using (reader)
            {
                if (!any) yield break;
                do yield return reader.Current;
                while (await reader.MoveNextAsync());
            }
        }
    }
}

/// <summary><c>export-ogp [--member NAME] [--plan ID] [--as-of DATE] [--format csv|json] [--out FILE]</c>: the same export from the command line (stdout by default).</summary>
public static class ExportOgpCommand
{
    /// <summary>Runs the verb.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var format = Option("--format") ?? (Option("--out") is { } o && o.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "csv");
        if (format is not ("csv" or "json") || !AsOf.TryParse(Option("--as-of"), out var asOf, out _))
        {
            await Console.Error.WriteLineAsync("usage: export-ogp [--member NAME] [--plan ID] [--as-of 2017-06-30|ISO 8601 instant] [--format csv|json] [--out FILE]");
            return 2;
        }
        var ogp = app.Services.GetRequiredService<OgpExport>();
        var (filter, _, problem) = await ogp.FilterAsync(Option("--member"), Option("--plan"), asOf, CancellationToken.None);
        if (filter is null)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }
        var path = Option("--out");
        await using var output = path is null ? Console.OpenStandardOutput() : File.Create(path);
        var rows = ogp.RowsAsync(filter, CancellationToken.None);
        if (format == "json") await OgpExport.WriteJsonAsync(output, rows, CancellationToken.None);
        else await OgpExport.WriteCsvAsync(output, rows, CancellationToken.None);
        if (path is not null) await Console.Error.WriteLineAsync($"Wrote {path}.");
        return 0;
    }
}
