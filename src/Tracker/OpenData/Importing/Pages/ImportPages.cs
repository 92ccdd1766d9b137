using Marten;
using Tracker.Infrastructure;
using Tracker.PublicSite;
using Tracker.Reviews.Pages;
using Tracker.SignIn;

namespace Tracker.OpenData.Importing.Pages;

/// <summary><c>/workbench/admin/imports</c>: the upload form, with the import running now if there is one.</summary>
public sealed record ImportFormModel(WorkbenchFrame Frame, FormErrors Errors, bool DryRun, ImportJob? Running);

/// <summary><c>/workbench/admin/imports/{id}</c>: an import's progress while it runs, then its report.</summary>
public sealed record ImportJobModel(WorkbenchFrame Frame, ImportJob Job, bool Refreshing);

/// <summary>
/// The point of contact's OGP import (issue 13): the file is read and checked in the upload's request (a file that is not
/// an OGP CSV is refused beside the file field), then imported in the background by the same <see cref="OgpImport"/> as
/// <c>POST /api/import/ogp</c>; the browser is sent (303) to the import's page, which refreshes itself each second while
/// the import runs. The site's content security policy allows no script, so the refresh is a <c>meta</c> element.
/// </summary>
public static class ImportPages
{
    /// <summary>The upload page.</summary>
    public const string Home = ReviewAdmin.Home + "/imports";

    /// <summary>An import's page.</summary>
    public static string JobPath(Guid id) => $"{Home}/{id}";

    /// <summary>Maps the pages and the upload.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Home, static async (IQuerySession session, ImportJobs jobs, HttpContext http, CancellationToken ct) =>
                SitePages.Render<ImportFormPage>(http, new ImportFormModel(await WorkbenchFrame.ForAsync(http, session, ct), FormErrors.None, false, jobs.Running)))
            .RequireAuthorization(Authentication.Admin)
            .ExcludeFromDescription();

        app.MapPost(Home, static async (IQuerySession session, ImportJobs jobs, HttpContext http, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var dryRun = FormValues.Checked(form, "dryRun");
                async Task<IResult> Refused(string why, int status) => SitePages.Render<ImportFormPage>(http, new ImportFormModel(
                    await WorkbenchFrame.ForAsync(http, session, ct), new FormErrors(null, new Dictionary<string, string[]> { [ImportOgpEndpoint.FileField] = [why] }),
                    dryRun, jobs.Running), status);

                if (form.Files.GetFile(ImportOgpEndpoint.FileField) is not { Length: > 0 } upload) return await Refused("Choose the OGP/IRM commitment CSV to upload.", 400);
                if (jobs.Running is not null) return await Refused("Another import is running: wait for it to finish, then upload again.", 409);
                await using var stream = upload.OpenReadStream();
                var (file, problem) = await OgpCsv.ReadAsync(stream, ct);
                if (problem is not null)
                    return await Refused(problem.MissingColumns.Count > 0 ? $"{problem.Message} Missing: {string.Join(", ", problem.MissingColumns)}." : problem.Message, 400);
                if (jobs.Start(file!, Path.GetFileName(upload.FileName), new ImportRun(http.Caller().UserId, dryRun)) is not { } job)
                    return await Refused("Another import is running: wait for it to finish, then upload again.", 409);
                return FormPosts.SeeOther(http, JobPath(job.Id));
            })
            .RequireWorkbenchRole(TrackerRole.Admin)
            .RequireFormToken()
            .WithName(Hardening.ImportFormEndpoint)
            .ExcludeFromDescription();

        app.MapGet(Home + "/{id:guid}", static async (Guid id, string? refresh, IQuerySession session, ImportJobs jobs, HttpContext http, CancellationToken ct) =>
            {
                if (jobs.Find(id) is not { } job) return SitePages.NotFound(http, "This import is not known here: it ran long ago, or on another instance of Tracker.");
                // The Refresh header, not <meta http-equiv=refresh>: the same reload, and a person can stop it (WCAG 2.2.1) with the page's link.
                var refreshing = !job.Finished && refresh != "off";
                if (refreshing) http.Response.Headers["Refresh"] = "1";
                return SitePages.Render<ImportJobPage>(http, new ImportJobModel(await WorkbenchFrame.ForAsync(http, session, ct), job, refreshing));
            })
            .RequireAuthorization(Authentication.Admin)
            .ExcludeFromDescription();
    }
}
