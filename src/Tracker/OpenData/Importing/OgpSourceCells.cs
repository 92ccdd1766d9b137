using System.Globalization;
using Tracker.Commitments;

namespace Tracker.OpenData.Importing;

/// <summary>
/// Which cells of a row Tracker keeps as the file wrote them (pure): every cell of a column it does not model, and
/// every cell of a column it holds whose value it would write back otherwise, beyond the canonical forms (trimmed
/// whitespace, ISO dates for the file's month/day/year, a number's shortest form). Columns Tracker computes are not
/// kept: where the file disagrees with the computation, the import's consistency section lists both.
/// </summary>
public static class OgpSourceCells
{
    /// <summary>The columns whose cells Tracker computes rather than reads.</summary>
    public static readonly IReadOnlySet<string> Computed = OgpRatings.Compared.Concat(IrmSummaryColumns.Columns).ToHashSet(StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> Known = OgpColumns.All.ToHashSet(StringComparer.Ordinal);

    /// <summary>The cells of <paramref name="published"/> (the file's row) to keep, given what Tracker makes of the row (<paramref name="held"/>).</summary>
    public static IReadOnlyDictionary<string, SourceCell> Of(IReadOnlyDictionary<string, string> published, IReadOnlyDictionary<string, string> held)
    {
        var kept = new Dictionary<string, SourceCell>(StringComparer.Ordinal);
        foreach (var (column, cell) in published)
        {
            if (!Known.Contains(column)) continue;
            if (Computed.Contains(column)) continue;
            var own = held.GetValueOrDefault(column, "");
            var file = cell.Trim();
            if (!Same(file, own)) kept[column] = new SourceCell(file, own);
        }
        return kept;
    }

    /// <summary>Whether the file's cell and Tracker's say the same after the canonical forms (docs/open-data.md).</summary>
    public static bool Same(string file, string tracker)
    {
        file = file.Trim();
        tracker = tracker.Trim();
        if (file == tracker) return true;
        if (DateOnly.TryParseExact(tracker, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return DateOnly.TryParseExact(file, ["M/d/yyyy", "M/d/yy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var written)
                && written == day && (file.Split('/')[^1].Length == 4 || day.Year >= 2000);
        return double.TryParse(file, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(tracker, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && a == b
            && b.ToString("R", CultureInfo.InvariantCulture) == tracker;
    }
}
