using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// The IRM's `Raw Completion`: the end-of-term completion when assessed, else the midterm one; NotApplicable when
/// neither applies, otherwise NotAssessed. The binding constraint and the sample's `High Completion` use it.
/// </summary>
public class latest_completion
{
    [Theory]
    // Columns: Completion (Progress Report), Completion (End Of Term) → latest.
    [InlineData("Substantial", "Limited", "Limited")] // HR0015 (full IRM export): `Raw Completion` is the drop, not the better one
    [InlineData("Limited", "Substantial", "Substantial")] // GH0017
    [InlineData("Substantial", "Withdrawn", "Withdrawn")] // a withdrawal at end of term is the latest word
    [InlineData("Complete", "ND", "Complete")] // UA0018: no end-of-term report, the midterm stands
    [InlineData("Complete", "NA", "Complete")] // an end of term that does not apply leaves the midterm too
    [InlineData("ND", "Limited", "Limited")] // NL0035: no midterm rating
    [InlineData("NA", "Complete", "Complete")]
    [InlineData("Withdrawn", "ND", "Withdrawn")]
    [InlineData("ND", "ND", "ND")] // GH0040
    [InlineData("NA", "NA", "NA")] // neither report applies
    [InlineData("NA", "ND", "ND")] // one side NA is not enough for NA
    [InlineData("ND", "NA", "ND")]
    public void the_latest_completion_is_the_end_of_term_one_when_rated_else_the_midterm_one(string midterm, string endOfTerm, string latest) =>
        LatestCompletion.Of(Cell.Of<Completion>(midterm), Cell.Of<Completion>(endOfTerm)).ShouldBe(Cell.Of<Completion>(latest));
}
