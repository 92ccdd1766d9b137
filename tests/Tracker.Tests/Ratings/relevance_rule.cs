using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// product.md §4: relevant = at least one of access to information, civic participation, public accountability;
/// technology alone does not count. Rows name the sample commitment whose `OGP Value …` cells and `_Relevant` they are.
/// </summary>
public class relevance_rule
{
    [Theory]
    // Columns: the OGP values marked 1 → relevant.
    [InlineData("ATI", "yes")] // UA0005
    [InlineData("CP", "yes")] // UA0068
    [InlineData("PA", "yes")] // UA0018
    [InlineData("ATI CP PA", "yes")] // GH0018
    [InlineData("ATI Tech", "yes")] // PY0009: technology beside a counting value
    [InlineData("CP Tech", "yes")] // UA0050
    [InlineData("ATI CP PA Tech", "yes")] // NL0005
    [InlineData("Tech", "no")] // §4: technology must serve one of the other three
    [InlineData("none", "no")] // GH0010: `_Relevant` 0
    [InlineData("ND", "ND")] // GH0040: values ND (its `_Relevant` 1 is a recorded verdict, see design_assessment)
    [InlineData("NA", "NA")]
    public void a_commitment_is_relevant_when_it_serves_information_participation_or_accountability(string values, string relevant) =>
        Relevance.IsRelevant(Cell.Values(values)).ShouldBe(Cell.Flag(relevant));
}
