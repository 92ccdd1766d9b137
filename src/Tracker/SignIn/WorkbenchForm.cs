using System.Globalization;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Tracker.Infrastructure;
using Tracker.PublicSite;
using Tracker.Reviews.Pages;

namespace Tracker.SignIn;

/// <summary>How a field is typed.</summary>
public enum InputKind
{
    /// <summary>One line of text.</summary>
    Text,
    /// <summary>Several lines of text.</summary>
    LongText,
    /// <summary>A calendar day (year-month-day).</summary>
    Date,
    /// <summary>A number.</summary>
    Number,
    /// <summary>One of a list.</summary>
    Choice,
    /// <summary>Any of a list (checkboxes).</summary>
    Choices,
    /// <summary>A list typed one item a line.</summary>
    Lines,
}

/// <summary>One option of a <see cref="InputKind.Choice"/> or <see cref="InputKind.Choices"/> field.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>A field of a form, under the name the API's request and its problem details give it.</summary>
public sealed record FormInput(string Name, string Label, InputKind Kind = InputKind.Text, string? Hint = null, IReadOnlyList<Choice>? Choices = null);

/// <summary>A link of the breadcrumb trail.</summary>
public sealed record Crumb(string Label, string Href);

/// <summary>A form's fields as text, by name: as typed, or as stored (to fill an amendment, or to compare on a conflict).</summary>
public sealed record FieldValues(IReadOnlyDictionary<string, string[]> Values)
{
    /// <summary>A blank form.</summary>
    public static readonly FieldValues Empty = new(new Dictionary<string, string[]>());

    /// <summary>What a form sent (its own fields, not the antiforgery token).</summary>
    public static FieldValues From(IFormCollection form) =>
        new(form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray()));

    /// <summary>Stored values as a form shows them: days as year-month-day, lists item by item, numbers invariant.</summary>
    public static FieldValues Of(params (string Name, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value switch
        {
            null => [],
            string text => [text],
            DateOnly day => [Words.Iso(day)],
            System.Collections.IEnumerable items => items.Cast<object>().Select(Text).ToArray(),
            var one => [Text(one)],
        }));

    private static string Text(object value) => value switch
    {
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The field's one value, or null when blank.</summary>
    public string? One(string name) => Values.TryGetValue(name, out var v) && v.FirstOrDefault() is { Length: > 0 } s ? s : null;

    /// <summary>The field's values.</summary>
    public IReadOnlyList<string> Many(string name) => Values.TryGetValue(name, out var v) ? v : [];
}

/// <summary>
/// What a form page shows before anything is typed: its title, trail, fields, what they hold, and the version it is made
/// at. A form that registers something carries the id of what it will start (<paramref name="NewId"/>), so sending it
/// twice registers it once.
/// </summary>
public sealed record FormScreen(string Title, IReadOnlyList<Crumb> Trail, string? Intro, IReadOnlyList<FormInput> Inputs, FieldValues Values,
    long? Version, string Submit, Guid? NewId = null)
{
    /// <summary>The hidden field that carries <see cref="NewId"/>.</summary>
    public const string NewIdField = "newId";
}

/// <summary>A form page: the screen, what the fields hold, the errors beside them, and on a conflict what is stored now.</summary>
public sealed record WorkbenchFormModel(WorkbenchFrame Frame, string Action, FormScreen Screen, FieldValues Values, long? Version, FormErrors Errors,
    FieldValues? StoredNow, string? SealedNewId = null);

/// <summary>What sending a form came to: the API's problem details, or where to go next.</summary>
public sealed record FormSent(ProblemDetails? Problem, string? Location)
{
    /// <summary>Taken: go to <paramref name="location"/>.</summary>
    public static FormSent Taken(string location) => new(null, location);

    /// <summary>
    /// Refused (400) when a field could not be read into the request's type, or else when the API's own shape checks of the
    /// request refuse it; null when both pass.
    /// </summary>
    public static FormSent? Invalid(FieldErrors reading, Func<FieldErrors> shape) =>
        reading.Any ? new(reading.Details(), null) : shape() is { Any: true } invalid ? new(invalid.Details(), null) : null;

    /// <summary>
    /// A registration. The form carries the id of the stream it starts, so a second sending of the same form (a double
    /// click, the back button, a reload) finds the stream the first one started, whichever rule would refuse it now (its
    /// code is taken by then): it goes where the first went, and nothing is written twice.
    /// </summary>
    /// <param name="page">The page to go to, without its query.</param>
    /// <param name="done">The notice it shows (<c>?done=</c>) when this sending registered it; <c>again</c> when an earlier one had.</param>
    public static async Task<FormSent> Start<TAggregate>(HttpContext http, Guid newId, Func<Task<WriteOutcome<StreamStarted>>> send,
        Func<Guid, Task<string>> page, string done)
    {
        if (await Started<TAggregate>(http, newId)) return Taken(await page(newId) + "?done=again");
        var outcome = await send();
        if (outcome.Problem is null) return Taken(await page(outcome.Value!.Id) + "?done=" + done);
        // Both sendings at once: the other one won.
        return await Started<TAggregate>(http, newId) ? Taken(await page(newId) + "?done=again") : new(outcome.Problem, null);
    }

    private static async Task<bool> Started<TAggregate>(HttpContext http, Guid streamId)
    {
        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(streamId, http.RequestAborted))?.AggregateType == typeof(TAggregate);
    }

    /// <summary>The command's outcome: its refusal, or where to go with what it wrote.</summary>
    public static FormSent Of<T>(WriteOutcome<T> outcome, Func<T, string> location) where T : class =>
        outcome.Problem is { } problem ? new(problem, null) : Taken(location(outcome.Value!));
}

/// <summary>
/// A point-of-contact form (issue 13): a GET page that shows it, and a POST that reads it into the API's own request,
/// checks it with the API's own validation and sends the API's own command through <see cref="Writes"/>. A refusal shows
/// the form again with every error beside its field and nothing typed lost; a stale version shows what was sent beside
/// what is stored now (409). Admin only: a GET by another role is 403, a POST by another role is refused before it is read.
/// </summary>
/// <param name="Route">The page's route; <c>{id:guid}</c> in it is the object the form writes to.</param>
/// <param name="Name">The endpoint name of the POST.</param>
/// <param name="Screen">The page as stored now (null: no such object, 404).</param>
/// <param name="Send">Reads the form and sends the command.</param>
public sealed record WorkbenchForm(string Route, string Name, Func<IQuerySession, Guid, CancellationToken, Task<FormScreen?>> Screen,
    Func<HttpContext, Guid, IFormCollection, Task<FormSent>> Send)
{
    /// <summary>Maps GET and POST of <see cref="Route"/>.</summary>
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async (HttpContext http, IQuerySession session, CancellationToken ct) =>
                await Screen(session, IdOf(http), ct) is { } screen
                    ? await Render(http, session, screen, screen.Values, screen.Version, FormErrors.None, null, 200, ct)
                    : SitePages.NotFound(http, "Tracker holds nothing at this address."))
            .RequireAuthorization(Authentication.Admin)
            .ExcludeFromDescription();

        app.MapPost(Route, async (HttpContext http, IQuerySession session, CancellationToken ct) =>
            {
                var id = IdOf(http);
                var form = await http.Request.ReadFormAsync(ct);
                var sent = await Send(http, id, form);
                if (sent.Problem is not { } problem) return FormPosts.SeeOther(http, sent.Location!);
                var status = problem.Status ?? 400;
                if (status == 403) return WorkbenchAccess.Forbidden(http, problem.Detail ?? "This form is for the point of contact.");
                // Read again after the refusal: on a conflict the page shows what is stored now, and the version to send over.
                if (status == 404 || await Screen(session, id, ct) is not { } screen)
                    return SitePages.NotFound(http, problem.Detail ?? "Tracker holds nothing at this address.");
                var typed = FieldValues.From(form);
                if (status == 409 && problem.Extensions.TryGetValue("code", out var code) && code as string == "version.stale")
                    return await Render(http, session, screen, typed, screen.Version, new FormErrors(
                        "Someone changed this after you opened the form. Nothing was saved: compare what you sent with what is stored now, then send again if yours should stand.",
                        new Dictionary<string, string[]>()), screen.Values, 409, ct);
                return await Render(http, session, screen, typed, long.TryParse(typed.One("version"), out var v) ? v : screen.Version,
                    FormErrors.From(problem), null, status, ct);
            })
            .RequireWorkbenchRole(TrackerRole.Admin)
            .RequireFormToken()
            .WithName(Name)
            .ExcludeFromDescription();
    }

    private static Guid IdOf(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("id", out var id) && Guid.TryParse(id?.ToString(), out var guid) ? guid : Guid.Empty;

    private static async Task<IResult> Render(HttpContext http, IQuerySession session, FormScreen screen, FieldValues values, long? version,
        FormErrors errors, FieldValues? storedNow, int status, CancellationToken ct)
    {
        // A refused registration keeps the id it was sent with, so sending it again once corrected still registers once.
        var sent = values.One(FormScreen.NewIdField);
        var newId = RegistrationIds.Open(http, sent) is not null ? sent : screen.NewId is { } id ? RegistrationIds.Seal(http, id) : null;
        return SitePages.Render<WorkbenchFormPage>(http, new WorkbenchFormModel(await WorkbenchFrame.ForAsync(http, session, ct), http.Request.Path,
            screen, values, version, errors, storedNow, newId), status);
    }
}

/// <summary>A form's text read into the typed values of the API's requests, errors recorded against their fields.</summary>
public static class FormReading
{
    /// <summary>A required or optional id picked from a list; null when blank.</summary>
    public static Guid? Id(this IFormCollection form, FieldErrors errors, string field)
    {
        if (form.Text(field) is not { } text) return null;
        if (Guid.TryParse(text, out var id)) return id;
        errors.Check(field, false, "Pick one from the list.");
        return null;
    }

    /// <summary>Ids ticked in a list of checkboxes.</summary>
    public static IReadOnlyList<Guid> Ids(this IFormCollection form, FieldErrors errors, string field)
    {
        var ids = new List<Guid>();
        foreach (var text in form[field].Where(v => !string.IsNullOrWhiteSpace(v)))
            if (Guid.TryParse(text, out var id)) ids.Add(id);
            else errors.Check(field, false, "Pick from the list.");
        return ids;
    }

    /// <summary>A whole number; null when blank.</summary>
    public static int? Number(this IFormCollection form, FieldErrors errors, string field)
    {
        if (form.Text(field) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Check(field, false, "Type a whole number, for example 3.");
        return null;
    }

    /// <summary>A decimal number; null when blank.</summary>
    public static decimal? Decimal(this IFormCollection form, FieldErrors errors, string field)
    {
        if (form.Text(field) is not { } text) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Check(field, false, "Type a number, for example 1 or 0.5.");
        return null;
    }

    /// <summary>A day typed as year-month-day; null when blank.</summary>
    public static DateOnly? Day(this IFormCollection form, FieldErrors errors, string field) => FormValues.Day(errors, field, form.Text(field));

    /// <summary>
    /// The id the form's page minted for what it registers (<see cref="FormScreen.NewId"/>), as sealed for this page and
    /// person; a fresh one when the form carries none that Tracker sealed.
    /// </summary>
    public static Guid NewId(this IFormCollection form, HttpContext http) => RegistrationIds.Open(http, form.Text(FormScreen.NewIdField)) ?? Guid.CreateVersion7();

    /// <summary>The stream version the form was made at; null when blank.</summary>
    public static long? Version(this IFormCollection form, FieldErrors errors) => FormValues.Version(errors, form.Text("version"));

    /// <summary>A list typed one item a line (blank lines left out).</summary>
    public static IReadOnlyList<string> Lines(this IFormCollection form, string field) =>
        (form.Text(field) ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}

/// <summary>
/// The id a registration form carries, sealed (ASP.NET Core data protection) for the page and the person it was minted
/// for: a client sends back an id Tracker gave it for this form, never one it chose (another plan's commitment, the id a
/// review report derives from its plan).
/// </summary>
public static class RegistrationIds
{
    private static IDataProtector Protector(HttpContext http) => http.RequestServices.GetRequiredService<IDataProtectionProvider>()
        .CreateProtector("Tracker.RegistrationIds", http.Request.Path.Value ?? "", http.CallerOrNull()?.UserId ?? "");

    /// <summary>The hidden field's value for <paramref name="id"/>.</summary>
    public static string Seal(HttpContext http, Guid id) => Protector(http).Protect(id.ToString());

    /// <summary>The id sealed in <paramref name="sealedId"/> for this page and person, or null.</summary>
    public static Guid? Open(HttpContext http, string? sealedId)
    {
        if (string.IsNullOrEmpty(sealedId)) return null;
        try
        {
            return Guid.TryParse(Protector(http).Unprotect(sealedId), out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
