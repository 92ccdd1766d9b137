using CsvHelper;

namespace Tracker.OpenData.Importing;

/// <summary>A row whose cells do not line up with the header: refused as a whole.</summary>
public sealed record MalformedRow(int Line, string? Code, string Reason);

/// <summary>An OGP file as read: its header, its rows with their line numbers, and the rows that could not be split into cells.</summary>
public sealed record OgpFile(IReadOnlyList<string> Header, IReadOnlyList<OgpRow> Rows, IReadOnlyList<MalformedRow> Malformed)
{
    /// <summary>Columns of the file that Tracker does not know (they are not read).</summary>
    public IReadOnlyList<string> UnknownColumns => Header.Where(h => !OgpColumns.All.Contains(h)).ToList();
}

/// <summary>Why a whole file is refused (a 400 naming the <c>file</c> field over HTTP).</summary>
public sealed record FileProblem(string Message, IReadOnlyList<string> MissingColumns);

/// <summary>Reads the OGP/IRM CSV: RFC 4180 (quoted cells may hold commas, quotes and line breaks), UTF-8.</summary>
public static class OgpCsv
{
    /// <summary>Reads a whole file; either the file or why it is not an OGP file.</summary>
    public static async Task<(OgpFile? File, FileProblem? Problem)> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(await reader.ReadToEndAsync(ct));
    }

    /// <summary>Reads the text of a file.</summary>
    public static (OgpFile? File, FileProblem? Problem) Read(string text)
    {
        if (text.Contains('\0')) return (null, new FileProblem("This is not a CSV file: it holds binary data.", []));
        if (string.IsNullOrWhiteSpace(text)) return (null, new FileProblem("The file is empty.", OgpColumns.Required));

        using var csv = CsvReader.FromText(text, new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
        });
        var header = (csv.Headers ?? []).Select(h => h.Trim()).ToList();

        var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return (null, new FileProblem($"The column '{duplicate.Key}' appears more than once.", []));
        var missing = OgpColumns.Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            var hint = header.Count == 1 && (header[0].Contains(';') || header[0].Contains('\t'))
                ? " The header looks separated by ';' or tabs; the OGP file is comma-separated." : "";
            var message = missing.Count == OgpColumns.Required.Count
                ? "This is not an OGP commitment file: none of its required columns is there (" + string.Join(", ", missing) + ")." + hint
                : "Missing required column" + (missing.Count > 1 ? "s" : "") + ": " + string.Join(", ", missing.Select(m => $"'{m}'")) + "." + hint;
            return (null, new FileProblem(message, missing));
        }

        // Column names are matched ignoring case; cells are kept under the OGP file's own spelling.
        var names = header.Select(h => OgpColumns.All.FirstOrDefault(c => c.Equals(h, StringComparison.OrdinalIgnoreCase)) ?? h).ToList();
        var rows = new List<OgpRow>();
        var malformed = new List<MalformedRow>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var cells = Array.ConvertAll(csv.Current.ToArray(), SpreadsheetFormulas.Restore);
            if (cells.Length != names.Count)
            {
                var identifier = names.IndexOf(OgpColumns.Identifier);
                var code = identifier >= 0 && identifier < cells.Length ? cells[identifier] : null;
                malformed.Add(new MalformedRow(line, code, $"The row has {cells.Length} cells, the header {names.Count}: a quote or a separator is out of place."));
                continue;
            }
            rows.Add(new OgpRow(line, names.Select((name, index) => (name, cell: cells[index])).ToDictionary(p => p.name, p => p.cell)));
        }
        return (new OgpFile(names, rows, malformed), null);
    }
}
