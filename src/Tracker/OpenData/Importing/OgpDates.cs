using System.Globalization;
using System.Text.RegularExpressions;

namespace Tracker.OpenData.Importing;

/// <summary>Whether a date cell opens or closes a period: "2014" means 1 January as a start and 31 December as an end.</summary>
public enum DateRole
{
    /// <summary>The commitment's Start Date.</summary>
    Start,
    /// <summary>The commitment's End Date.</summary>
    End,
}

/// <summary>A date cell as read: the day (null when the cell is empty or could not be used) and, when the import changed or dropped something, why.</summary>
public sealed record DateReading(DateOnly? Day, string? Warning)
{
    /// <summary>No date, nothing to say (empty, NA, ND, NR).</summary>
    public static readonly DateReading None = new(null, null);
}

/// <summary>
/// The date rule of the OGP import (docs/open-data.md). The OGP file's dates are free text written by hand in
/// spreadsheets; the rule reads what is unambiguous and says so whenever it drops or completes anything:
/// <list type="bullet">
/// <item>empty, <c>NA</c>, <c>ND</c>, <c>NR</c>: no date, no warning;</item>
/// <item><c>2024-01-31</c> (ISO, what the export writes): that day;</item>
/// <item><c>1/31/2024</c>, <c>1/31/24</c>: month/day/year, the file's own format (two-digit years are 20xx);</item>
/// <item><c>31/1/2024</c>: day/month/year when the first number cannot be a month (a warning says so);</item>
/// <item><c>2/3/2014</c> in a plan whose other dates are written day first: ambiguous, left empty with a warning;</item>
/// <item><c>July 2014</c> and <c>2014</c>: the first day of that month or year for a start, the last for an end (a warning says so);</item>
/// <item>a day outside the plan's years (<c>7/15/1905</c>, a spreadsheet's serial-number artefact): left empty with a warning;</item>
/// <item>anything else: left empty with a warning quoting the cell.</item>
/// </list>
/// A date never refuses the row: the commitment is worth more than one of its dates.
/// </summary>
public static partial class OgpDates
{
    private static readonly string[] NoDate = ["", "NA", "ND", "NR", "N/A"];

    /// <summary>Reads one date cell of a commitment of a plan that runs from <paramref name="planStart"/> to <paramref name="planEnd"/>.</summary>
    /// <param name="planWritesDayFirst">True when another date of the same plan can only be day/month/year.</param>
    public static DateReading Read(string? cell, DateRole role, DateOnly planStart, DateOnly planEnd, bool planWritesDayFirst = false)
    {
        var text = (cell ?? "").Trim();
        if (NoDate.Contains(text, StringComparer.OrdinalIgnoreCase)) return DateReading.None;

        var (day, note) = Parse(text, role, planWritesDayFirst);
        if (day is null) return new DateReading(null, note ?? $"'{text}' is not a date the import can read; left empty.");
        if (day < planStart || day > planEnd)
            return new DateReading(null, $"'{text}' ({day:yyyy-MM-dd}) lies outside the plan's years {planStart.Year}-{planEnd.Year}; left empty.");
        return new DateReading(day, note);
    }

    /// <summary>True when <paramref name="cell"/> can only be read day first (31/12/2014): the plan's author writes days first.</summary>
    public static bool IsWrittenDayFirst(string? cell) =>
        SlashDate().Match((cell ?? "").Trim()) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) > 12;

    private static (DateOnly? Day, string? Note) Parse(string text, DateRole role, bool planWritesDayFirst)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return (iso, null);

        if (SlashDate().Match(text) is { Success: true } slash)
        {
            var first = int.Parse(slash.Groups[1].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(slash.Groups[2].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(slash.Groups[3].Value, CultureInfo.InvariantCulture);
            if (slash.Groups[3].Value.Length == 2) year += 2000;
            if (first > 12)
                return (Day(year, second, first), Day(year, second, first) is { } dm ? $"'{text}' read day first as {dm:yyyy-MM-dd} ({first} cannot be a month)." : null);
            if (first != second && second <= 12 && planWritesDayFirst)
                return (null, $"'{text}' is ambiguous: other dates of this plan are written day first; left empty.");
            return (Day(year, first, second), null);
        }

        if (DateTime.TryParseExact(text, ["MMMM yyyy", "MMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var month))
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            var day = role == DateRole.Start ? first : first.AddMonths(1).AddDays(-1);
            return (day, $"'{text}' names a month only; read as {day:yyyy-MM-dd}, its {(role == DateRole.Start ? "first" : "last")} day.");
        }

        if (YearOnly().IsMatch(text))
        {
            var year = int.Parse(text, CultureInfo.InvariantCulture);
            var day = role == DateRole.Start ? new DateOnly(year, 1, 1) : new DateOnly(year, 12, 31);
            return (day, $"'{text}' names a year only; read as {day:yyyy-MM-dd}, its {(role == DateRole.Start ? "first" : "last")} day.");
        }

        return (null, null);
    }

    private static DateOnly? Day(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})$")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearOnly();
}
