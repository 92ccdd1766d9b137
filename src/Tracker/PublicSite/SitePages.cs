using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Infrastructure;

namespace Tracker.PublicSite;

/// <summary>How every page is answered: the component rendered with its model, the status, and the security headers.</summary>
public static class SitePages
{
    /// <summary>No script at all, styles only from the stylesheet, forms only to the site itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self'; img-src 'self' data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Renders <typeparamref name="TPage"/> with its <c>Model</c>.</summary>
    public static IResult Render<TPage>(HttpContext http, object model, int status = 200) where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = status };
    }

    /// <summary>The 404 page.</summary>
    public static IResult NotFound(HttpContext http, string what) =>
        Render<ErrorPage>(http, new ErrorModel("Not found", what, "Start again from the list of members and plans."), 404);

    /// <summary>
    /// Reads <c>?asOf=</c> as the JSON reads do (<see cref="AsOf.TryParse"/>); a value it cannot read gets the 400
    /// page saying what to type instead.
    /// </summary>
    public static bool TryAsOf(HttpContext http, string? asOf, out SiteAsOf parsed, out IResult? refusal)
    {
        refusal = null;
        if (AsOf.TryParse(asOf, out var instant, out _))
        {
            parsed = new SiteAsOf(string.IsNullOrWhiteSpace(asOf) ? null : asOf.Trim(), instant);
            return true;
        }
        parsed = new SiteAsOf(null, null);
        refusal = Render<ErrorPage>(http, new ErrorModel("That date could not be read",
            $"“{asOf}” is not a date Tracker can read.",
            "Type the date as year-month-day, for example 2017-06-30, or pick it with the date field."), 400);
        return false;
    }
}

/// <summary>The <c>?asOf=</c> of a page: as typed (kept in links and the form) and as an instant (null: now).</summary>
public sealed record SiteAsOf(string? Text, DateTimeOffset? Instant)
{
    /// <summary>The day the page judges "overdue" and "today" by.</summary>
    public DateOnly Day(TimeProvider clock) => DateOnly.FromDateTime((Instant ?? clock.GetUtcNow()).UtcDateTime);

    /// <summary>The query string that keeps the date on the next page (<c>?asOf=…</c> or empty).</summary>
    public string Query => Text is null ? "" : "?asOf=" + Uri.EscapeDataString(Text);

    /// <summary>The value for the date field (its day only).</summary>
    public string? FieldValue => Instant?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What an error page says.</summary>
public sealed record ErrorModel(string Heading, string What, string Next);
