using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>product.md §4: verifiable = Specificity Medium or High. Rows name the sample commitment whose `Verifiable` cell they reproduce.</summary>
public class verifiability_rule
{
    [Theory]
    [InlineData("None", "no")] // §3: no verifiable deliverables
    [InlineData("Low", "no")] // NL0006: No
    [InlineData("Medium", "yes")] // NL0005: Yes (Medium is the lowest verifiable level)
    [InlineData("High", "yes")] // GH0018: Yes
    [InlineData("ND", "ND")] // §3: not assessed is never "no" (the file rates `Verifiable` on its own there, e.g. PY0038)
    [InlineData("NA", "NA")]
    public void a_commitment_is_verifiable_when_its_specificity_is_medium_or_high(string specificity, string verifiable) =>
        Verifiability.IsVerifiable(Cell.Of<Specificity>(specificity)).ShouldBe(Cell.Flag(verifiable));
}
