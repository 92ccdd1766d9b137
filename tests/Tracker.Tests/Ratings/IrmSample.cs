using System.Text;
using CsvHelper;

namespace Tracker.Tests.Ratings;

/// <summary>One data row of the IRM sample, with its physical line number in the file.</summary>
public sealed record IrmRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var cell)
        ? cell
        : throw new KeyNotFoundException($"The IRM sample has no column '{column}'.");

    public string Id => this["Commitment Unique Identifier"];

    public override string ToString() => $"{Id} (line {Line})";
}

/// <summary>The repository's copy of the OGP/IRM commitment sample (src/Tracker/OpenData/Demo), read once.</summary>
public static class IrmSample
{
    private const string RelativePath = "src/Tracker/OpenData/Demo/ogp-commitments-sample.csv";

    private static readonly Lazy<(IReadOnlyList<string> Header, IReadOnlyList<IrmRow> Rows)> Contents = new(Load);

    public static IReadOnlyList<string> Header => Contents.Value.Header;

    public static IReadOnlyList<IrmRow> Rows => Contents.Value.Rows;

    // Walks up from the test binaries to the first folder that holds the sample at its repository path, so the
    // tests read the repo's copy and never ../shared.
    public static string FilePath
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException($"No folder above {AppContext.BaseDirectory} contains {RelativePath}.");
        }
    }

    private static (IReadOnlyList<string>, IReadOnlyList<IrmRow>) Load()
    {
        var records = Csv.Read(File.ReadAllText(FilePath, Encoding.UTF8));
        var header = records[0].Cells;
        var rows = records.Skip(1)
            .Select(record => new IrmRow(
                record.Line,
                header.Select((column, index) => (column, cell: record.Cells[index])).ToDictionary(pair => pair.column, pair => pair.cell)))
            .ToList();
        return (header, rows);
    }
}

/// <summary>Reads CSV with CsvHelper (not the importer's own code), keeping each record's first physical line.</summary>
public static class Csv
{
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> Read(string text)
    {
        var records = new List<(int, IReadOnlyList<string>)>();
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true });
        while (csv.Read()) records.Add(((int)csv.LineNumber, csv.Current.ToArray()));
        return records;
    }
}
