using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class panel_consensus
{
    // The lower median, defined without sorting by position: the lowest assessed level that at least half of
    // the assessed values are at or below.
    private static Consensus<Specificity> Expected(IReadOnlyList<Rated<Specificity>> reviewers, Rated<Specificity>? lead)
    {
        var assessed = reviewers.Where(rated => rated.IsAssessed).Select(rated => rated.Value).ToList();
        var disagreement = assessed.Count > 0 && assessed.Min() != assessed.Max();
        if (lead is { } final)
        {
            return new Consensus<Specificity>(final, disagreement, true);
        }

        if (assessed.Count == 0)
        {
            var allNotApplicable = reviewers.Count > 0 && reviewers.All(rated => rated == Rated.NotApplicable<Specificity>());
            return new Consensus<Specificity>(allNotApplicable ? Rated.NotApplicable<Specificity>() : Rated.NotAssessed<Specificity>(), false, false);
        }

        var median = Enum.GetValues<Specificity>().First(level => 2 * assessed.Count(value => value <= level) >= assessed.Count);
        return new Consensus<Specificity>(Rated.Of(median), disagreement, false);
    }

    public static TheoryData<Rated<Specificity>[], Rated<Specificity>?, Consensus<Specificity>> every_panel_of_up_to_three
    {
        get
        {
            var data = new TheoryData<Rated<Specificity>[], Rated<Specificity>?, Consensus<Specificity>>();
            var levels = Levels.Of<Specificity>();
            IEnumerable<Rated<Specificity>[]> panels =
            [
                [],
                .. levels.Select(a => new[] { a }),
                .. from a in levels from b in levels select new[] { a, b },
                .. from a in levels from b in levels from c in levels select new[] { a, b, c },
            ];
            Rated<Specificity>?[] leads =
                [null, Rated.Of(Specificity.High), Rated.Of(Specificity.None), Rated.NotAssessed<Specificity>(), Rated.NotApplicable<Specificity>()];
            foreach (var panel in panels)
            foreach (var lead in leads)
            {
                data.Add(panel, lead, Expected(panel, lead));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_panel_of_up_to_three))]
    public void the_panel_takes_the_lead_reviewers_final_value_or_else_the_lower_median(
        Rated<Specificity>[] reviewers, Rated<Specificity>? lead, Consensus<Specificity> expected) =>
        PanelConsensus.Decide(reviewers, lead).ShouldBe(expected);

    [Fact]
    public void the_table_is_the_full_cross_product() =>
        every_panel_of_up_to_three.Count().ShouldBe((1 + 6 + 36 + 216) * 5);

    private static Rated<Specificity>[] Panel(params Specificity[] levels) => [.. levels.Select(Rated.Of)];

    [Fact]
    public void a_single_reviewer_decides_without_disagreement() =>
        PanelConsensus.Decide(Panel(Specificity.Medium), null)
            .ShouldBe(new Consensus<Specificity>(Rated.Of(Specificity.Medium), Disagreement: false, IsFinal: false));

    [Fact]
    public void three_reviewers_give_the_middle_level_and_show_their_disagreement() =>
        PanelConsensus.Decide(Panel(Specificity.High, Specificity.Low, Specificity.Medium), null)
            .ShouldBe(new Consensus<Specificity>(Rated.Of(Specificity.Medium), Disagreement: true, IsFinal: false));

    [Fact]
    public void two_reviewers_who_disagree_give_the_lower_level() =>
        PanelConsensus.Decide(Panel(Specificity.High, Specificity.Low), null)
            .ShouldBe(new Consensus<Specificity>(Rated.Of(Specificity.Low), Disagreement: true, IsFinal: false));

    [Fact]
    public void four_reviewers_give_the_lower_of_the_two_middle_levels() =>
        PanelConsensus.Decide(Panel(Specificity.High, Specificity.None, Specificity.High, Specificity.Low), null)
            .ShouldBe(new Consensus<Specificity>(Rated.Of(Specificity.Low), Disagreement: true, IsFinal: false));

    [Fact]
    public void reviewers_who_agree_show_no_disagreement() =>
        PanelConsensus.Decide(Panel(Specificity.High, Specificity.High), null)
            .ShouldBe(new Consensus<Specificity>(Rated.Of(Specificity.High), Disagreement: false, IsFinal: false));

    [Fact]
    public void the_lead_reviewers_final_value_wins_and_the_disagreement_stays_visible() =>
        PanelConsensus.Decide(Panel(Specificity.High, Specificity.Low), Rated.Of(Specificity.Medium))
            .ShouldBe(new Consensus<Specificity>(Rated.Of(Specificity.Medium), Disagreement: true, IsFinal: true));

    [Fact]
    public void a_reviewer_who_did_not_assess_is_left_out_of_the_median() =>
        PanelConsensus.Decide([Rated.NotAssessed<Specificity>(), Rated.Of(Specificity.High)], null)
            .ShouldBe(new Consensus<Specificity>(Rated.Of(Specificity.High), Disagreement: false, IsFinal: false));

    [Fact]
    public void a_panel_that_found_the_indicator_not_applicable_says_so() =>
        PanelConsensus.Decide([Rated.NotApplicable<Specificity>(), Rated.NotApplicable<Specificity>()], null)
            .ShouldBe(new Consensus<Specificity>(Rated.NotApplicable<Specificity>(), Disagreement: false, IsFinal: false));

    [Fact]
    public void a_panel_that_did_not_assess_is_not_assessed() =>
        PanelConsensus.Decide([Rated.NotApplicable<Specificity>(), Rated.NotAssessed<Specificity>()], null)
            .ShouldBe(new Consensus<Specificity>(Rated.NotAssessed<Specificity>(), Disagreement: false, IsFinal: false));

    [Fact]
    public void an_empty_panel_is_not_assessed() =>
        PanelConsensus.Decide(Array.Empty<Rated<Specificity>>(), null)
            .ShouldBe(new Consensus<Specificity>(Rated.NotAssessed<Specificity>(), Disagreement: false, IsFinal: false));

    [Fact]
    public void the_median_works_on_any_ordinal_scale() =>
        PanelConsensus.Decide([Rated.Of(OpenGovernmentEffect.Outstanding), Rated.Of(OpenGovernmentEffect.Marginal), Rated.Of(OpenGovernmentEffect.Worsened)], null)
            .Value.ShouldBe(Rated.Of(OpenGovernmentEffect.Marginal));
}
