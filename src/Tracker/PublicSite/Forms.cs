using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Tracker.Infrastructure;

namespace Tracker.PublicSite;

/// <summary>The antiforgery token a page's form carries back (hidden field).</summary>
public sealed record FormToken(string Name, string Value)
{
    /// <summary>Issues the token for this request (and its cookie); call before the page renders.</summary>
    public static FormToken For(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        // A page with a form is for one person: no shared cache may keep it.
        http.Response.Headers.CacheControl = "no-store";
        return new FormToken(tokens.FormFieldName, tokens.RequestToken ?? "");
    }
}

/// <summary>
/// What a refused form shows: the same problem details the API answers, the field errors under the same names
/// (<c>level</c>, <c>evidence[0].url</c>), each shown beside its field.
/// </summary>
public sealed record FormErrors(string? Summary, IReadOnlyDictionary<string, string[]> Fields)
{
    /// <summary>No error: a fresh form.</summary>
    public static readonly FormErrors None = new(null, new Dictionary<string, string[]>());

    /// <summary>The errors of a problem: its field errors, or its detail when no field is named.</summary>
    public static FormErrors From(ProblemDetails problem) => problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid
        ? new FormErrors(null, invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
        : new FormErrors(problem.Detail ?? problem.Title, new Dictionary<string, string[]>());

    /// <summary>True when anything was refused.</summary>
    public bool Any => Summary is not null || Fields.Count > 0;

    /// <summary>The message for <paramref name="field"/>, or null.</summary>
    public string? For(string field) =>
        Fields.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { } messages ? string.Join(" ", messages) : null;

    /// <summary>The id of the element that shows a field's error (for <c>aria-describedby</c>).</summary>
    public static string ErrorId(string field) => FieldId(field) + "-error";

    /// <summary>An HTML id for a field name such as <c>evidence[0].url</c>.</summary>
    public static string FieldId(string field) =>
        new string(field.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}

/// <summary>Form posts of the pages: antiforgery on each.</summary>
public static class FormPosts
{
    /// <summary>
    /// Requires the antiforgery token (checked by the antiforgery middleware); a post without a valid one gets the 400
    /// page and nothing runs. Handlers read the form themselves (<c>ReadFormAsync</c>), so this filter always decides first.
    /// </summary>
    public static RouteHandlerBuilder RequireFormToken(this RouteHandlerBuilder route) =>
        route.WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            // Checked before the token's age: the token's check also fails on a form it cannot decode.
            if (await NulCharacterIn(http) is { } where)
                return SitePages.Render<ErrorPage>(http, new ErrorModel("The form could not be sent",
                    $"{where} holds the NUL character (U+0000), which Tracker cannot store, so nothing was saved.",
                    "Go back, remove the character (it can come with text pasted from another program) and send the form again."), 400);
            if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                return SitePages.Render<ErrorPage>(http, new ErrorModel("The form could not be sent",
                    "It was too old, or it did not come from this site, so nothing was saved.",
                    "Go back, reload the page and send the form again."), 400);
            return await next(context);
        });

    // PostgreSQL's text and jsonb cannot hold U+0000 (NulCharacters refuses it in JSON and query strings). A urlencoded
    // form with %00 cannot be decoded at all (ASP.NET Core refuses it, and so the token in it), so its field is unknown; a
    // multipart form decodes, and the field is named.
    private static async Task<string?> NulCharacterIn(HttpContext http)
    {
        var antiforgery = http.Features.Get<IAntiforgeryValidationFeature>();
        if (antiforgery is { IsValid: false, Error.InnerException: InvalidDataException { InnerException: InvalidOperationException } }) return "A field of the form";
        if (antiforgery is not { IsValid: true } || !http.Request.HasFormContentType) return null;
        return NulCharacters.FieldHoldingOne(await http.Request.ReadFormAsync(http.RequestAborted)) is { } field ? $"The field “{field}”" : null;
    }

    /// <summary>303 See Other: after a form is taken, the browser loads the next page with GET (a reload sends nothing twice).</summary>
    public static IResult SeeOther(HttpContext http, string location)
    {
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A form field's trimmed text, or null when blank or absent.</summary>
    public static string? Text(this IFormCollection form, string name) =>
        form[name].ToString() is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
