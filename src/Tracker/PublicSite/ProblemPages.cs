using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Tracker.PublicSite;

/// <summary>
/// Every refusal the framework or the hardening answers (an unknown address, a role the route refuses, a session that
/// ended before a form was sent, a body over the limit, a failure on our side) as the error page when a person's browser
/// asked for a page, instead of JSON or "Status Code: 404" in plain text. API clients, and anything under /api, keep
/// problem details. The status is the same either way.
/// </summary>
public sealed class ProblemPages : IProblemDetailsWriter
{
    /// <summary>
    /// True for a browser asking for a page: HTML preferred at least as much as JSON, at an address that is neither the
    /// API, health, metrics nor a file (a feed, an export, the stylesheet).
    /// </summary>
    public static bool WantsPage(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/metrics")
            || Path.HasExtension(path.Value))
            return false;
        var accept = request.GetTypedHeaders().Accept;
        double Quality(Func<string, bool> type) =>
            accept.Where(a => type(a.MediaType.Value ?? "")).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var html = Quality(t => t.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        var json = Quality(t => t.EndsWith("json", StringComparison.OrdinalIgnoreCase));
        return html > 0 && html >= json;
    }

    /// <inheritdoc />
    public bool CanWrite(ProblemDetailsContext context) => WantsPage(context.HttpContext.Request);

    /// <inheritdoc />
    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var page = For(status, context.ProblemDetails, Activity.Current?.Id ?? http.TraceIdentifier, http.Response.Headers.RetryAfter.ToString());
        return new ValueTask(SitePages.Render<ErrorPage>(http, page, status).ExecuteAsync(http));
    }

    /// <summary>What the page says for a status: what happened, and what the person can do next.</summary>
    /// <param name="reference">The request's trace id, which the log's line about a failure carries.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> seconds of a refusal, if any.</param>
    public static ErrorModel For(int status, ProblemDetails problem, string reference, string retryAfter) => status switch
    {
        400 => new("The request could not be read", Detail(problem, "Something in it was not what Tracker expected, so nothing was saved."),
            "Go back, check what you typed and send it again."),
        401 => new("You are not signed in", "This needs you to be signed in, or your session ended, so nothing was saved.",
            "Sign in again from the workbench (the link is at the foot of this page), then try again."),
        403 => new("You may not open this", "Your role does not give you this page or form, so nothing was saved.",
            "Go back to your workbench: it lists what you may work on."),
        404 => new("Not found", "Tracker holds nothing at this address.", "Start again from the list of members and plans."),
        405 => new("This address does not take that request", "Nothing was saved.", "Start again from the list of members and plans."),
        409 => new("Someone changed this first", Detail(problem, "Nothing was saved."), "Go back, reload the page and send again if yours should stand."),
        413 => new("What you sent is too large", Detail(problem, "Nothing was saved."),
            "Go back and shorten the longest text: link to a long document as evidence rather than pasting it."),
        429 => new("Too many requests", "More requests came from you than Tracker takes at once, so this one was not taken.",
            int.TryParse(retryAfter, out var seconds) ? $"Wait {Words.Count(seconds, "second", "seconds")}, then try again." : "Wait a moment, then try again."),
        503 => new("Tracker could not answer in time", "Nothing was saved.", "Wait a moment, then try again."),
        >= 500 => new("Something went wrong on our side", "Nothing was saved. We log every such failure.",
            $"Try again in a moment; if it happens again, quote this reference: {reference}."),
        _ => new("The request was not taken", Detail(problem, "Nothing was saved."), "Start again from the list of members and plans."),
    };

    private static string Detail(ProblemDetails problem, string otherwise) =>
        problem.Detail is { Length: > 0 } detail ? detail : otherwise;

}

/// <summary>Registration of <see cref="ProblemPages"/>.</summary>
public static class ProblemPagesRegistration
{
    /// <summary>
    /// Registers the page writer ahead of the JSON one: the problem details service asks its writers in the order they were
    /// registered, and the JSON writer takes any request that accepts */*, as a browser's does.
    /// </summary>
    public static IServiceCollection AddProblemPages(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemPages>());
        return services;
    }
}
