using CsvHelper;

/// <summary>
/// The OGP sample copied until it has any number of rows, each copy under new unique identifiers: copy k of NL0003 is
/// NL{k}0003, so every copy is a member of its own (country name suffixed) with the same plans, texts, dates and IRM
/// ratings. Shared by <c>make bench-import</c> and <c>make chaos</c> (fault 4 seeds its store through the import).
/// </summary>
static class ScaledSample
{
    public static (string[] Header, List<string[]> Records) Build(string sample, int count)
    {
        var all = Parse(sample);
        var header = all[0];
        var id = Array.IndexOf(header, "Commitment Unique Identifier");
        var country = Array.IndexOf(header, "Country/Locality");
        var records = new List<string[]>();
        for (var copy = 0; records.Count < count; copy++)
            foreach (var source in all.Skip(1))
            {
                if (records.Count == count) break;
                var record = (string[])source.Clone();
                if (copy > 0)
                {
                    var code = record[id];
                    record[id] = $"{code[..^4]}{copy:00}{code[^4..]}";
                    record[country] = $"{record[country]} {copy:00}";
                }
                records.Add(record);
            }
        return (header, records);
    }

    /// <summary>One CSV line, quoted where a cell needs it.</summary>
    public static string Line(string[] cells) =>
        string.Join(',', cells.Select(c => c.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"") + "\"" : c)) + "\r\n";

    private static List<string[]> Parse(string text)
    {
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false });
        var records = new List<string[]>();
        while (csv.Read()) records.Add(csv.Current.ToArray());
        return records;
    }
}
