using System.Globalization;
using Tracker.Infrastructure;

namespace Tracker.Reviews.Pages;

/// <summary>
/// A form's text read into the typed values the API's requests carry, as JSON binding would read them: a value that
/// cannot be read is an error on its own field; a blank one is absent (null), for the API's own validation to judge.
/// </summary>
public static class FormValues
{
    /// <summary>An enum value by its name (any case; never its number or a list of names, which JSON binding refuses too); null when blank.</summary>
    public static T? Enum<T>(FieldErrors errors, string field, string? text) where T : struct, System.Enum
    {
        if (text is null) return null;
        if (EnumNames.TryParse<T>(text.Replace(" ", "", StringComparison.Ordinal), out var value)) return value;
        errors.Check(field, false, $"One of {string.Join(", ", System.Enum.GetNames<T>())}.");
        return null;
    }

    /// <summary>A calendar day typed as year-month-day (what a date field sends); null when blank.</summary>
    public static DateOnly? Day(FieldErrors errors, string field, string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Check(field, false, "Type the date as year-month-day, for example 2017-06-30.");
        return null;
    }

    /// <summary>The stream version a form was made at (its hidden <c>version</c> field), as <c>If-Match</c>; null when blank.</summary>
    public static long? Version(FieldErrors errors, string? text)
    {
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return version;
        errors.Check("version", false, "Reload the page: the version of the form could not be read.");
        return null;
    }

    /// <summary>A checkbox: ticked when sent as <c>true</c> or <c>on</c>.</summary>
    public static bool Checked(IFormCollection form, string field) => form[field].Any(v => v is "true" or "on");

    /// <summary>Every field of a form as sent (the last value of each), to show again when the form is refused.</summary>
    public static IReadOnlyDictionary<string, string> Sent(IFormCollection form) =>
        form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value.ToString());
}
