using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class starred_rule
{
    private static readonly Specificity[] SpecificStars = [Specificity.Medium, Specificity.High];
    private static readonly Completion[] CompletedStars = [Completion.Substantial, Completion.Complete];

    private static IReadOnlyList<PotentialImpact> AmbitiousEnough(StarRule rule) => rule == StarRule.Irm2015
        ? [PotentialImpact.Transformative]
        : [PotentialImpact.Moderate, PotentialImpact.Transformative];

    // Written as the IRM defines it, independently of Starred.Evaluate: any NA input → NA, else any
    // missing input → not assessed, else all four criteria must hold.
    private static Rated<bool> Expected(
        Rated<Specificity> specificity, Rated<bool> relevant, Rated<PotentialImpact> impact, Rated<Completion> completion, StarRule rule)
    {
        RatingState[] states = [specificity.State, relevant.State, impact.State, completion.State];
        if (states.Any(state => state == RatingState.NotApplicable))
        {
            return Rated.NotApplicable<bool>();
        }

        if (states.Any(state => state == RatingState.NotAssessed))
        {
            return Rated.NotAssessed<bool>();
        }

        return Rated.Of(SpecificStars.Contains(specificity.Value)
            && relevant.Value
            && AmbitiousEnough(rule).Contains(impact.Value)
            && CompletedStars.Contains(completion.Value));
    }

    public static TheoryData<Rated<Specificity>, Rated<IReadOnlySet<OgpValue>>, Rated<bool>?, Rated<PotentialImpact>, Rated<Completion>, StarRule, Rated<bool>> every_combination
    {
        get
        {
            var data = new TheoryData<Rated<Specificity>, Rated<IReadOnlySet<OgpValue>>, Rated<bool>?, Rated<PotentialImpact>, Rated<Completion>, StarRule, Rated<bool>>();
            foreach (var rule in Enum.GetValues<StarRule>())
            foreach (var specificity in Levels.Of<Specificity>())
            foreach (var (values, recorded, relevant) in RelevanceCases.All)
            foreach (var impact in Levels.Of<PotentialImpact>())
            foreach (var completion in Levels.Of<Completion>())
            {
                data.Add(specificity, values, recorded, impact, completion, rule, Expected(specificity, relevant, impact, completion, rule));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_combination))]
    public void a_commitment_is_starred_exactly_when_specific_relevant_ambitious_and_completed(
        Rated<Specificity> specificity, Rated<IReadOnlySet<OgpValue>> values, Rated<bool>? recorded,
        Rated<PotentialImpact> impact, Rated<Completion> completion, StarRule rule, Rated<bool> expected) =>
        Starred.Evaluate(new DesignAssessment(specificity, values, impact, recorded), completion, rule).ShouldBe(expected);

    [Fact]
    public void the_table_is_the_full_cross_product() =>
        every_combination.Count().ShouldBe(2 * 6 * 8 * 6 * 7);

    private static DesignAssessment Design(Specificity specificity, PotentialImpact impact, params OgpValue[] values) =>
        new(Rated.Of(specificity), Levels.Values(values), Rated.Of(impact));

    [Fact]
    public void a_specific_relevant_transformative_and_substantially_complete_commitment_is_starred_under_rule_2015() =>
        // GH0018 in the IRM sample.
        Starred.Evaluate(
                Design(Specificity.High, PotentialImpact.Transformative, OgpValue.AccessToInformation, OgpValue.CivicParticipation, OgpValue.PublicAccountability),
                Rated.Of(Completion.Substantial), StarRule.Irm2015)
            .ShouldBe(Rated.Of(true));

    [Fact]
    public void a_commitment_without_transformative_impact_is_not_starred_under_rule_2015() =>
        // NL0005: Medium, relevant, Moderate, Substantial at midterm.
        Starred.Evaluate(Design(Specificity.Medium, PotentialImpact.Moderate, OgpValue.AccessToInformation), Rated.Of(Completion.Substantial), StarRule.Irm2015)
            .ShouldBe(Rated.Of(false));

    [Fact]
    public void a_moderate_impact_is_enough_under_rule_2014() =>
        Starred.Evaluate(Design(Specificity.Medium, PotentialImpact.Moderate, OgpValue.AccessToInformation), Rated.Of(Completion.Substantial), StarRule.Irm2014)
            .ShouldBe(Rated.Of(true));

    [Fact]
    public void a_minor_impact_is_not_enough_under_either_rule()
    {
        var design = Design(Specificity.High, PotentialImpact.Minor, OgpValue.AccessToInformation);

        Starred.Evaluate(design, Rated.Of(Completion.Complete), StarRule.Irm2014).ShouldBe(Rated.Of(false));
        Starred.Evaluate(design, Rated.Of(Completion.Complete), StarRule.Irm2015).ShouldBe(Rated.Of(false));
    }

    [Fact]
    public void a_low_specificity_commitment_is_not_starred() =>
        Starred.Evaluate(Design(Specificity.Low, PotentialImpact.Transformative, OgpValue.AccessToInformation), Rated.Of(Completion.Complete), StarRule.Irm2015)
            .ShouldBe(Rated.Of(false));

    [Fact]
    public void a_commitment_relevant_only_to_technology_is_not_starred() =>
        Starred.Evaluate(Design(Specificity.High, PotentialImpact.Transformative, OgpValue.TechnologyAndInnovation), Rated.Of(Completion.Complete), StarRule.Irm2015)
            .ShouldBe(Rated.Of(false));

    [Theory]
    [InlineData(Completion.NotStarted)]
    [InlineData(Completion.Limited)]
    [InlineData(Completion.Withdrawn)]
    public void a_commitment_less_than_substantially_complete_is_not_starred(Completion completion) =>
        Starred.Evaluate(Design(Specificity.High, PotentialImpact.Transformative, OgpValue.AccessToInformation), Rated.Of(completion), StarRule.Irm2015)
            .ShouldBe(Rated.Of(false));

    [Fact]
    public void a_completion_not_yet_assessed_leaves_the_star_not_assessed_even_when_impact_already_fails() =>
        // PY0009 at end of term: Medium, relevant, Moderate, completion ND — the IRM writes ND, not 0.
        Starred.Evaluate(Design(Specificity.Medium, PotentialImpact.Moderate, OgpValue.AccessToInformation), Rated.NotAssessed<Completion>(), StarRule.Irm2015)
            .ShouldBe(Rated.NotAssessed<bool>());

    [Fact]
    public void a_specificity_not_assessed_leaves_the_star_not_assessed_even_when_impact_already_fails() =>
        // NL0035 at end of term: Specificity ND, relevant, Minor, Limited — the IRM writes ND.
        Starred.Evaluate(
                new DesignAssessment(Rated.NotAssessed<Specificity>(), Levels.Values(OgpValue.AccessToInformation), Rated.Of(PotentialImpact.Minor)),
                Rated.Of(Completion.Limited), StarRule.Irm2015)
            .ShouldBe(Rated.NotAssessed<bool>());

    [Fact]
    public void a_completion_that_does_not_apply_makes_the_star_not_applicable() =>
        Starred.Evaluate(Design(Specificity.High, PotentialImpact.Transformative, OgpValue.AccessToInformation), Rated.NotApplicable<Completion>(), StarRule.Irm2015)
            .ShouldBe(Rated.NotApplicable<bool>());

    [Fact]
    public void not_applicable_wins_over_not_assessed() =>
        // AR0045 at midterm (full IRM export): Specificity ND, midterm completion NA — the IRM writes NA.
        Starred.Evaluate(
                new DesignAssessment(Rated.NotAssessed<Specificity>(), Levels.Values(OgpValue.AccessToInformation), Rated.Of(PotentialImpact.Transformative)),
                Rated.NotApplicable<Completion>(), StarRule.Irm2015)
            .ShouldBe(Rated.NotApplicable<bool>());

    [Fact]
    public void a_recorded_relevance_verdict_counts_when_the_values_were_not_rated() =>
        Starred.Evaluate(
                new DesignAssessment(Rated.Of(Specificity.High), Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.Of(PotentialImpact.Transformative), Rated.Of(true)),
                Rated.Of(Completion.Complete), StarRule.Irm2015)
            .ShouldBe(Rated.Of(true));

    [Theory]
    [InlineData(StarRule.Irm2015, PotentialImpact.Transformative)]
    [InlineData(StarRule.Irm2014, PotentialImpact.Moderate)]
    public void each_rule_names_its_minimum_impact(StarRule rule, PotentialImpact minimum) =>
        Starred.MinimumImpact(rule).ShouldBe(minimum);

    [Fact]
    public void an_unknown_rule_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Starred.MinimumImpact((StarRule)99));
}
