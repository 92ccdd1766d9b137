using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// product.md §4 and docs/reviews-and-ratings.md: the lead reviewer's final value when recorded; otherwise the
/// median of the reviewers' assessed values, the lower of the two middle ones for an even panel (an undecided
/// panel never publishes the more favourable rating); the disagreement stays visible either way.
/// </summary>
public class panel_consensus
{
    private static Rated<Specificity>[] Panel(string reviewers) =>
        reviewers.Length == 0 ? [] : [.. reviewers.Split(' ').Select(Cell.Of<Specificity>)];

    [Theory]
    // Columns: the reviewers' specificities, the lead's final value ("-" when none) → value, disagreement.
    [InlineData("Medium", "-", "Medium", false)] // a single reviewer decides
    [InlineData("High High", "-", "High", false)] // reviewers who agree
    [InlineData("High Low", "-", "Low", true)] // two who disagree: the lower
    [InlineData("High Low Medium", "-", "Medium", true)] // three: the middle one, whatever the order
    [InlineData("Low Low High", "-", "Low", true)] // three with a majority
    [InlineData("High None High Low", "-", "Low", true)] // four: the lower of the two middle ones (Low, High)
    [InlineData("High Medium Medium High High", "-", "High", true)] // five: the third
    [InlineData("ND High", "-", "High", false)] // a reviewer who did not assess is left out
    [InlineData("High ND Low", "-", "Low", true)] // ... so two assessed values remain: the lower
    [InlineData("NA High", "-", "High", false)] // one who found it not applicable is left out too
    [InlineData("NA NA", "-", "NA", false)] // every reviewer found it not applicable
    [InlineData("NA ND", "-", "ND", false)] // nobody assessed, not all said NA
    [InlineData("", "-", "ND", false)] // nobody on the panel
    [InlineData("High Low", "Medium", "Medium", true)] // the lead's final value wins, the disagreement stays visible
    [InlineData("High High", "Low", "Low", false)] // even against a unanimous panel
    [InlineData("High Low", "NA", "NA", true)] // the lead may decide that it does not apply
    [InlineData("High", "ND", "ND", false)] // ... or record that it was not assessed
    [InlineData("", "High", "High", false)] // a final value needs no panel
    public void the_panel_takes_the_lead_reviewers_final_value_or_else_the_lower_median(
        string reviewers, string final, string value, bool disagreement)
    {
        var lead = final == "-" ? (Rated<Specificity>?)null : Cell.Of<Specificity>(final);

        PanelConsensus.Decide(Panel(reviewers), lead)
            .ShouldBe(new Consensus<Specificity>(Cell.Of<Specificity>(value), disagreement, IsFinal: lead is not null));
    }

    [Fact]
    public void the_median_works_on_any_ordinal_scale() =>
        PanelConsensus.Decide([Rated.Of(OpenGovernmentEffect.Outstanding), Rated.Of(OpenGovernmentEffect.Marginal), Rated.Of(OpenGovernmentEffect.Worsened)], null)
            .Value.ShouldBe(Rated.Of(OpenGovernmentEffect.Marginal));

    [Fact]
    public void the_order_in_which_reviewers_assessed_does_not_change_the_consensus()
    {
        var levels = Levels.Of<Specificity>();
        var panels = (from a in levels from b in levels from c in levels select new[] { a, b, c }).ToList();

        panels.ShouldAllBe(panel =>
            PanelConsensus.Decide(panel, null) == PanelConsensus.Decide(new[] { panel[2], panel[0], panel[1] }, null)
            && PanelConsensus.Decide(panel, null) == PanelConsensus.Decide(new[] { panel[1], panel[0], panel[2] }, null));
        panels.Count.ShouldBe(216);
    }

    [Fact]
    public void no_list_of_reviewers_is_refused() =>
        Should.Throw<ArgumentNullException>(() => PanelConsensus.Decide<Specificity>(null!, null));
}
