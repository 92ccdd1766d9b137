using Tracker.OpenData.Importing;

namespace Tracker.OpenData;

/// <summary>
/// A progress bar on stderr for the command-line verbs (stdout stays free for data, e.g. <c>export-ogp</c>); when
/// stderr is not a terminal it prints a line every tenth instead of redrawing.
/// </summary>
public sealed class TerminalProgress(string label) : IProgress<ImportProgress>
{
    private const int Width = 30;
    private int lastTenth = -1;

    /// <inheritdoc />
    public void Report(ImportProgress value)
    {
        if (value.Rows == 0) return;
        var fraction = (double)value.RowsDone / value.Rows;
        if (Console.IsErrorRedirected)
        {
            var tenth = (int)(fraction * 10);
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            Console.Error.WriteLine($"{label}: {value.RowsDone}/{value.Rows} rows");
            return;
        }
        var filled = (int)(fraction * Width);
        Console.Error.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {value.RowsDone}/{value.Rows} rows");
    }

    /// <summary>Ends the bar's line.</summary>
    public void Done()
    {
        if (!Console.IsErrorRedirected) Console.Error.WriteLine();
    }
}
