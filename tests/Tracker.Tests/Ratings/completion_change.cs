using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// product.md §4: change in completion from midterm to end of term, on NotStarted &lt; Limited &lt; Substantial &lt;
/// Complete. Rows name the sample commitment whose `Change In Completion` cell they reproduce.
/// </summary>
public class completion_change
{
    [Theory]
    // Columns: Completion (Progress Report), Completion (End Of Term) → change.
    // One step up or down at each place in the order, and the longest moves.
    [InlineData("NotStarted", "Limited", "Increase")] // §4 order: NotStarted < Limited
    [InlineData("Limited", "Substantial", "Increase")] // GH0017, UA0034
    [InlineData("Substantial", "Complete", "Increase")] // NL0005, PY0016
    [InlineData("NotStarted", "Complete", "Increase")] // UA0033
    [InlineData("Limited", "NotStarted", "Decrease")] // §4 order
    [InlineData("Substantial", "Limited", "Decrease")] // NL0003, NL0015
    [InlineData("Complete", "Substantial", "Decrease")] // §4 order
    [InlineData("Substantial", "NotStarted", "Decrease")] // NL0006
    [InlineData("NotStarted", "NotStarted", "NoChange")] // GH0001
    [InlineData("Limited", "Limited", "NoChange")] // GH0003
    [InlineData("Substantial", "Substantial", "NoChange")] // GH0018
    [InlineData("Complete", "Complete", "NoChange")] // NL0007
    // Withdrawn on either side: there is no change to measure.
    [InlineData("Limited", "Withdrawn", "NA")] // §3: Withdrawn is outside the completion order
    [InlineData("Withdrawn", "Complete", "NA")]
    [InlineData("Withdrawn", "Withdrawn", "NA")]
    [InlineData("Withdrawn", "ND", "NA")] // withdrawn wins over a missing side
    [InlineData("NA", "Withdrawn", "NA")]
    // A side without a rating.
    [InlineData("NA", "NA", "NA")] // neither report applies
    [InlineData("NA", "Complete", "ND")] // the full IRM export writes ND for a midterm NA and a rated end of term (31 rows)
    [InlineData("Complete", "NA", "ND")]
    [InlineData("NA", "ND", "ND")] // one side NA is not enough for NA
    [InlineData("NotStarted", "ND", "ND")] // PY0009
    [InlineData("Complete", "ND", "ND")] // UA0018
    [InlineData("ND", "Limited", "ND")] // NL0035
    [InlineData("ND", "ND", "ND")] // GH0040 (NR in the file)
    public void completion_change_compares_end_of_term_with_midterm(string midterm, string endOfTerm, string change) =>
        CompletionChanges.Between(Cell.Of<Completion>(midterm), Cell.Of<Completion>(endOfTerm)).ShouldBe(Cell.Of<CompletionChange>(change));

    [Fact]
    public void swapping_the_two_reports_turns_an_increase_into_a_decrease_and_leaves_everything_else()
    {
        var pairs = (
            from midterm in Levels.Of<Completion>()
            from endOfTerm in Levels.Of<Completion>()
            select (forward: CompletionChanges.Between(midterm, endOfTerm), backward: CompletionChanges.Between(endOfTerm, midterm))).ToList();

        pairs.ShouldAllBe(pair => pair.backward == pair.forward.Map(change =>
            change == CompletionChange.Increase ? CompletionChange.Decrease
            : change == CompletionChange.Decrease ? CompletionChange.Increase
            : change));
        pairs.Count(pair => pair.forward == Rated.Of(CompletionChange.Increase)).ShouldBe(6);
    }
}
