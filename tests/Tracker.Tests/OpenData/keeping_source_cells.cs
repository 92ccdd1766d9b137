using Tracker.Commitments;
using Tracker.OpenData;
using Tracker.OpenData.Importing;

namespace Tracker.Tests.OpenData;

/// <summary>Which cells of a row the import keeps as the file wrote them, and the canonical forms that need no keeping.</summary>
public class keeping_source_cells
{
    [Theory]
    [InlineData(" Open data ", "Open data")]     // trimmed whitespace
    [InlineData("7/1/2016", "2016-07-01")]       // the file's month/day/year is the ISO date
    [InlineData("1/31/24", "2024-01-31")]
    [InlineData("8.1999999999999993", "8.2")]    // a number's shortest form
    [InlineData("2013", "2013")]
    public void a_cell_in_a_canonical_form_of_trackers_says_the_same(string file, string tracker)
    {
        OgpSourceCells.Same(file, tracker).ShouldBeTrue();
    }

    [Theory]
    [InlineData("31/1/2024", "2024-01-31")]      // day first: read with a warning, so kept
    [InlineData("ND", "NA")]                     // no data is not "not applicable"
    [InlineData("Q3 2014", "NA")]
    [InlineData("1", "0")]
    [InlineData("high", "High")]
    public void a_cell_tracker_would_write_otherwise_is_not_the_same(string file, string tracker)
    {
        OgpSourceCells.Same(file, tracker).ShouldBeFalse();
    }

    [Fact]
    public void columns_tracker_does_not_model_are_kept_and_computed_columns_are_not()
    {
        var published = new Dictionary<string, string>
        {
            ["Theme"] = "Accountability", ["URL"] = "https://opengovpartnership.org/members/ghana/commitments/gh0040", ["Code"] = "GHA",
            [OgpColumns.Title] = "Open budgets", [OgpColumns.HighAmbition] = "1", ["Verifiable"] = "Yes",
            ["A column of another file"] = "x",
        };
        var held = new Dictionary<string, string> { [OgpColumns.Title] = "Open budgets", [OgpColumns.HighAmbition] = "0", ["Verifiable"] = "ND" };

        var kept = OgpSourceCells.Of(published, held);

        // Verifiable is computed (from the review's own verdict, or Specificity): where the file says otherwise, the
        // consistency section lists both, and nothing is kept.
        kept.Keys.ShouldBe(["Theme", "URL", "Code"], ignoreOrder: true);
        kept["URL"].ShouldBe(new SourceCell("https://opengovpartnership.org/members/ghana/commitments/gh0040", ""));
    }
}
