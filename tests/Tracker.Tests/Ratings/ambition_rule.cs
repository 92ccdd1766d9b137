using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// product.md §4: high ambition = Moderate or Transformative and Relevant; high completion = Substantial or Complete.
/// Rows name the sample commitment whose `High Ambition` / `High Completion` cell they reproduce.
/// </summary>
public class ambition_rule
{
    [Theory]
    // Columns: Potential impact, relevant → high ambition.
    [InlineData("Transformative", "yes", "yes")] // GH0018: 1
    [InlineData("Moderate", "yes", "yes")] // NL0005: 1 (Moderate is the lowest ambitious level)
    [InlineData("Minor", "yes", "no")] // NL0003: 0
    [InlineData("None", "yes", "no")] // NL0006: 0
    [InlineData("Transformative", "no", "no")] // GH0017, UA0048: 0
    [InlineData("Moderate", "no", "no")] // UA0049: 0
    [InlineData("ND", "no", "ND")] // GH0031: ND, although not relevant
    [InlineData("ND", "yes", "ND")] // GH0040: ND
    [InlineData("Moderate", "ND", "ND")] // §3: relevance not rated
    [InlineData("NA", "yes", "NA")] // §3: impact does not apply
    [InlineData("Transformative", "NA", "NA")] // §3: relevance does not apply
    [InlineData("ND", "NA", "NA")] // NA wins over ND
    [InlineData("NA", "ND", "NA")]
    public void a_commitment_is_highly_ambitious_when_relevant_with_moderate_or_transformative_impact(string impact, string relevant, string expected) =>
        Ambition.IsHighAmbition(Cell.Of<PotentialImpact>(impact), Cell.Flag(relevant)).ShouldBe(Cell.Flag(expected));

    [Theory]
    // Columns: completion → high completion.
    [InlineData("NotStarted", "no")] // GH0001: 0
    [InlineData("Limited", "no")] // GH0003: 0
    [InlineData("Substantial", "yes")] // GH0018: 1 (Substantial is the lowest high completion)
    [InlineData("Complete", "yes")] // NL0007: 1
    [InlineData("Withdrawn", "no")] // §3: Withdrawn is outside the completion order
    [InlineData("ND", "ND")] // §3: not assessed is never "no" (the IRM file writes 0, see irm_sample_agreement)
    [InlineData("NA", "NA")]
    public void a_commitment_has_high_completion_when_substantial_or_complete(string completion, string expected) =>
        Ambition.IsHighCompletion(Cell.Of<Completion>(completion)).ShouldBe(Cell.Flag(expected));
}
