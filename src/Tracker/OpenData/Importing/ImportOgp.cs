using Tracker.Infrastructure;

namespace Tracker.OpenData.Importing;

/// <summary><c>POST /api/import/ogp</c>: an admin uploads an OGP/IRM CSV and gets the row-level report back.</summary>
public static class ImportOgpEndpoint
{
    /// <summary>The multipart field that carries the file.</summary>
    public const string FileField = "file";

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/import/ogp", static async Task<IResult> (HttpContext http, string? dryRun, OgpImport import, CancellationToken ct) =>
            {
                // Read as text: a value that is no boolean is a 400 naming it (bound as bool?, it was a bare 400).
                var checkOnly = false;
                if (dryRun is not null && !bool.TryParse(dryRun, out checkOnly))
                    return Problems.Result(Problems.Validation("dryRun", "Must be true or false.", "request.malformed"));
                if (!http.Request.HasFormContentType)
                    return Refuse("Send the CSV as multipart/form-data, in a field named 'file'.", "import.not_multipart");
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(ct);
                }
                catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException
                                                  && exception is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                {
                    // The reader's own message names its internals ("read by another component"): the client gets what to do.
                    return Refuse("The multipart body could not be read: it is cut short or malformed. Send the CSV as multipart/form-data again, in a field named 'file'.", "import.not_multipart");
                }
                if (form.Files.GetFile(FileField) is not { } upload)
                    return Refuse("Required: the OGP/IRM commitment CSV, in a multipart field named 'file'.", "import.no_file");
                if (upload.Length == 0) return Refuse("The file is empty.", "import.not_ogp_csv");

                await using var stream = upload.OpenReadStream();
                var (file, problem) = await OgpCsv.ReadAsync(stream, ct);
                if (problem is not null)
                {
                    var errors = new Dictionary<string, string[]> { [FileField] = [problem.Message] };
                    foreach (var column in problem.MissingColumns) errors[column] = ["Required column missing from the file."];
                    var details = Problems.Validation(errors, problem.MissingColumns.Count > 0 ? "import.missing_columns" : "import.not_ogp_csv");
                    details.Extensions["missingColumns"] = problem.MissingColumns;
                    return Problems.Result(details);
                }
                var report = await import.RunAsync(file!, new ImportRun(http.Caller().UserId, checkOnly), null, ct);
                return TypedResults.Ok(report);
            })
            .RequireAuthorization(Authentication.Admin)
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(Hardening.ImportTimeoutPolicy))
            .WithTags("Open data")
            .WithName("ImportOgp")
            .WithMultipartFileBody(FileField, "The OGP/IRM commitment CSV, as the multipart field `file`.")
            .WithSummary("Import an OGP/IRM commitment CSV (multipart field 'file'); ?dryRun=true writes nothing")
            .WithDescription("Creates members, plans, lead institutions, commitments and the historical IRM review reports (imported and "
                + "published). Idempotent: a commitment whose code Tracker holds is left as it is. Answers the row-level report: rows taken, "
                + "already present, refused (line, column, reason), and where Tracker's computed ratings differ from the file's. "
                + "The body is multipart/form-data with the CSV in the field 'file' (any other body is a 400 naming that field).")
            .Produces<ImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);

    private static IResult Refuse(string message, string code) => Problems.Result(Problems.Validation(FileField, message, code));
}

/// <summary><c>import-ogp FILE [--dry-run] [--report REPORT.json]</c>: the same import from the command line, with a progress bar.</summary>
public static class ImportOgpCommand
{
    /// <summary>Runs the verb.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != Option(args, "--report"));
        if (path is null)
        {
            await Console.Error.WriteLineAsync("usage: import-ogp FILE [--dry-run] [--report REPORT.json]");
            return 2;
        }
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"No file {path}.");
            return 2;
        }
        var dryRun = args.Contains("--dry-run");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        await app.Services.GetRequiredService<DatabaseStartup>().StartAsync(cancel.Token);

        await using var stream = File.OpenRead(path);
        var (file, problem) = await OgpCsv.ReadAsync(stream, cancel.Token);
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync($"{path}: {problem.Message}");
            return 1;
        }
        var user = $"cli:{Environment.UserName}";
        var progress = new TerminalProgress(dryRun ? "checking" : "importing");
        ImportReport report;
        try
        {
            report = await app.Services.GetRequiredService<OgpImport>().RunAsync(file!, new ImportRun(user, dryRun), progress, cancel.Token);
        }
        catch (TrackerRuleBroken rule)
        {
            progress.Done();
            await Console.Error.WriteLineAsync(rule.Message);
            return 1;
        }
        progress.Done();
        await ImportSummary.WriteAsync(Console.Error, report, path);
        if (Option(args, "--report") is { } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, ImportSummary.Json(report), cancel.Token);
            await Console.Error.WriteLineAsync($"Full report: {reportPath}");
        }
        return 0;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}

/// <summary>The import report as a person reads it on a terminal, and as JSON.</summary>
public static class ImportSummary
{
    /// <summary>Writes the summary: counts, refused rows with line, column and reason, and the consistency check.</summary>
    public static async Task WriteAsync(TextWriter output, ImportReport report, string source)
    {
        await output.WriteLineAsync($"{source}{(report.DryRun ? " (dry run: nothing written)" : "")}: {report.Rows} rows in {report.Seconds:0.0} s, "
            + $"{report.Rows / Math.Max(report.Seconds, 0.001):0} rows/s");
        await output.WriteLineAsync($"  taken            {report.Taken}");
        await output.WriteLineAsync($"  already present  {report.AlreadyPresent}");
        await output.WriteLineAsync($"  refused          {report.Refused}");
        var r = report.Registered;
        await output.WriteLineAsync($"  registered       {r.Members} members, {r.Institutions} institutions, {r.Plans} plans, {r.Commitments} commitments, "
            + $"{r.ReviewReports} review reports, {r.Assessments} assessments ({report.EventsAppended} events)");
        foreach (var review in report.PublishedReviews)
            await output.WriteLineAsync($"  {(report.DryRun ? "would publish" : "published"),-16} {review.Kind} review of {review.Plan} ({review.Commitments} commitments)");
        foreach (var refused in report.RefusedRows)
            foreach (var problem in refused.Problems)
                await output.WriteLineAsync($"  refused line {refused.Line} {refused.Code}: [{problem.Column}] {problem.Reason}");
        var warnings = report.TakenRows.Sum(t => t.Warnings.Count);
        if (warnings > 0) await output.WriteLineAsync($"  {warnings} warnings on rows taken (dates left empty or completed, numbers read): see the full report");
        if (report.Consistency.Count > 0)
        {
            await output.WriteLineAsync($"  consistency: {report.Consistency.Count} ratings where Tracker's computation differs from the file's cell");
            foreach (var difference in report.Consistency)
                await output.WriteLineAsync($"    line {difference.Line} {difference.Code} [{difference.Column}] file '{difference.File}', Tracker '{difference.Tracker}'");
        }
    }

    /// <summary>The report as the HTTP endpoint answers it.</summary>
    public static string Json(ImportReport report)
    {
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        Api.ConfigureJson(options);
        return System.Text.Json.JsonSerializer.Serialize(report, options);
    }
}
