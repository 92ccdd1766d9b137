namespace Tracker.OpenData;

/// <summary>
/// CSV injection: a spreadsheet runs a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (and, in some, a tab
/// or carriage return) as a formula, so text a ministry or a commenter wrote could run on a reader's machine. The export
/// writes such a cell with a leading apostrophe, which spreadsheets show as text; the import takes the apostrophe off
/// again, so export → import → export gives the same bytes. A cell that already starts with an apostrophe before one of
/// those characters gets a second one, so the pair is exact for every text.
/// </summary>
public static class SpreadsheetFormulas
{
    private const char Quote = '\'';

    /// <summary>The cell as the export writes it.</summary>
    public static string Neutralise(string cell) => NeedsQuote(cell) ? Quote + cell : cell;

    /// <summary>The cell as the text it stands for (the inverse of <see cref="Neutralise"/>).</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == Quote && NeedsQuote(cell[1..]) ? cell[1..] : cell;

    // A plain number (-1, the IRM-based score) runs as nothing and stays a number in the reader's spreadsheet.
    private static bool NeedsQuote(string cell) => cell.Length > 0 && !IsPlainNumber(cell) && (cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        || cell[0] == Quote && NeedsQuote(cell[1..]));

    private static bool IsPlainNumber(string cell) =>
        cell.Length <= 30 && cell[0] is '-' or '+' && cell.Skip(1).All(c => char.IsAsciiDigit(c) || c == '.') && cell.Skip(1).Any(char.IsAsciiDigit)
        && cell.Count(c => c == '.') <= 1;
}
