using System.Text;

namespace Tracker.OpenData.Demo;

/// <summary>
/// Reads a Markdown file with YAML front matter, as the open.usa.gov files write it: <c>key: value</c> lines, with
/// plain, double-quoted or single-quoted values; a quoted value may span lines (folded as YAML folds it: a line
/// break is a space, an empty line a line break). No nesting, no lists: the files use none, and a dependency for
/// them would be more than this.
/// </summary>
public static class FrontMatter
{
    /// <summary>The front matter's fields and the body after it.</summary>
    public static (IReadOnlyDictionary<string, string> Fields, string Body) Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (lines.Length == 0 || lines[0].Trim() != "---") return (fields, text);

        var index = 1;
        while (index < lines.Length && lines[index].Trim() != "---")
        {
            var line = lines[index++];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || char.IsWhiteSpace(line[0])) continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].TrimStart();
            if (value.StartsWith('"') || value.StartsWith('\''))
            {
                var quote = value[0];
                var collected = new List<string> { value[1..] };
                while (!ClosesQuote(collected[^1], quote) && index < lines.Length) collected.Add(lines[index++]);
                fields[key] = Unquote(collected, quote);
            }
            else
            {
                fields[key] = value.TrimEnd();
            }
        }
        var body = string.Join('\n', lines.Skip(index + 1));
        return (fields, body);
    }

    // The closing quote is the first one not escaped (\" in double quotes, '' in single quotes).
    private static bool ClosesQuote(string line, char quote) => ClosingIndex(line, quote) >= 0;

    private static int ClosingIndex(string line, char quote)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (quote == '"' && line[i] == '\\') { i++; continue; }
            if (line[i] != quote) continue;
            if (quote == '\'' && i + 1 < line.Length && line[i + 1] == '\'') { i++; continue; }
            return i;
        }
        return -1;
    }

    private static string Unquote(IReadOnlyList<string> lines, char quote)
    {
        var last = lines[^1];
        var end = ClosingIndex(last, quote);
        var parts = lines.Take(lines.Count - 1).Append(end >= 0 ? last[..end] : last).ToList();
        var folded = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (i < parts.Count - 1) part = part.TrimEnd();
            if (i > 0) part = part.TrimStart();
            if (i > 0) folded.Append(part.Length == 0 ? "\n" : folded.Length > 0 && folded[^1] != '\n' ? " " : "");
            folded.Append(part);
        }
        var text = folded.ToString();
        return quote == '"'
            ? text.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : text.Replace("''", "'", StringComparison.Ordinal);
    }
}
