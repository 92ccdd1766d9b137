using Tracker.OpenData;

namespace Tracker.Tests.OpenData;

public class neutralising_spreadsheet_formulas
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 20 123", "'+31 20 123")]
    [InlineData("-5+cmd|' /C calc'!A0", "'-5+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-", "'-")]
    [InlineData("-1", "-1")] // a plain number stays a number (the IRM-based score, the change in completion)
    [InlineData("-2.5", "-2.5")]
    [InlineData("'-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("\rreturn", "'\rreturn")]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("''-twice", "'''-twice")]
    [InlineData("Open data", "Open data")]
    [InlineData("a=b", "a=b")]
    [InlineData("'quoted text", "'quoted text")]
    [InlineData("'", "'")]
    [InlineData("", "")]
    [InlineData("NA", "NA")]
    public void a_cell_that_would_run_as_a_formula_gets_an_apostrophe_and_reads_back_as_written(string text, string exported)
    {
        SpreadsheetFormulas.Neutralise(text).ShouldBe(exported);
        SpreadsheetFormulas.Restore(exported).ShouldBe(text);
    }
}
