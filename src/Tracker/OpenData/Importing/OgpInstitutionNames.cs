using System.Text.RegularExpressions;

namespace Tracker.OpenData.Importing;

/// <summary>
/// Reads an OGP "Lead Institution" cell as the institutions it names, the first being the lead (pure). Plans list
/// several bodies in one cell with the separators the IRM's data shows: line breaks (PY0066: one body a line, bullets
/// " - "), bullets within a line ("…(OAC), - Secretaría General", PY0067), semicolons (UA0105) and enumerations
/// "(a) … (b) …". Commas are not separators: they are part of names ("Ministry of Gender, Children and Social
/// Protection", GH0039). A line break that wraps a name (the next line indented or starting in lower case, or the line
/// ending on a joining word: "Dirección General de\n  la Información", "Relations &amp; \nMinistry of …") joins the lines.
/// </summary>
public static partial class OgpInstitutionNames
{
    // Words a wrapped name can end a line on: the line goes on.
    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase)
        { "de", "del", "la", "las", "los", "el", "y", "e", "a", "en", "of", "the", "and", "for", "on", "in", "to", "&", "," };

    /// <summary>The names in <paramref name="cell"/>, in its order, each on one line with single spaces, none twice; empty for a blank cell.</summary>
    public static IReadOnlyList<string> Split(string cell)
    {
        var items = new List<string>();
        var current = "";
        foreach (var raw in cell.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var bulleted = Bullet().IsMatch(raw);
            var wraps = current.Length > 0 && !bulleted && (Indented().IsMatch(raw) || StartsLowerCase(raw) || EndsOnJoiner(current));
            if (wraps) current += " " + raw;
            else
            {
                items.Add(current);
                current = bulleted ? Bullet().Replace(raw, "") : raw;
            }
        }
        items.Add(current);
        return items
            .SelectMany(item => InlineBullet().Split(item))
            .SelectMany(item => item.Split(';'))
            .SelectMany(item => Enumerated().IsMatch(item) ? Enumerator().Split(item) : [item])
            .Select(Clean)
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string Clean(string name) => Spaces().Replace(name, " ").Trim().TrimEnd(',', ';').TrimEnd();

    private static bool StartsLowerCase(string line) => line.TrimStart() is { Length: > 0 } text && char.IsLower(text[0]);

    private static bool EndsOnJoiner(string text) =>
        text.TrimEnd() is { Length: > 0 } trimmed && (trimmed.EndsWith(',') || Joiners.Contains(trimmed.Split(' ')[^1]));

    [GeneratedRegex(@"^\s*[-•●▪◦·*]\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@",\s*[-•●▪◦·]\s+")]
    private static partial Regex InlineBullet();

    [GeneratedRegex(@"^ {2,}|^\t")]
    private static partial Regex Indented();

    [GeneratedRegex(@"^\s*\(a\)", RegexOptions.IgnoreCase)]
    private static partial Regex Enumerated();

    [GeneratedRegex(@"\([a-z]\)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
