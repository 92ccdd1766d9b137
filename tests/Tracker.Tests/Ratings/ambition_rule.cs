using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class ambition_rule
{
    public static TheoryData<Rated<PotentialImpact>, Rated<bool>, Rated<bool>> every_impact_and_relevance
    {
        get
        {
            var data = new TheoryData<Rated<PotentialImpact>, Rated<bool>, Rated<bool>>();
            foreach (var impact in Levels.Of<PotentialImpact>())
            foreach (var relevant in Levels.OfBool())
            {
                var expected = impact.State == RatingState.NotApplicable || relevant.State == RatingState.NotApplicable ? Rated.NotApplicable<bool>()
                    : impact.State == RatingState.NotAssessed || relevant.State == RatingState.NotAssessed ? Rated.NotAssessed<bool>()
                    : Rated.Of(relevant.Value && (impact.Value == PotentialImpact.Moderate || impact.Value == PotentialImpact.Transformative));
                data.Add(impact, relevant, expected);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_impact_and_relevance))]
    public void a_commitment_is_highly_ambitious_when_relevant_with_moderate_or_transformative_impact(
        Rated<PotentialImpact> impact, Rated<bool> relevant, Rated<bool> expected) =>
        Ambition.IsHighAmbition(impact, relevant).ShouldBe(expected);

    [Fact]
    public void the_ambition_table_is_the_full_cross_product() =>
        every_impact_and_relevance.Count().ShouldBe(6 * 4);

    [Fact]
    public void a_transformative_commitment_that_is_not_relevant_is_not_highly_ambitious() =>
        // GH0017 and UA0048 in the IRM sample: High Ambition 0.
        Ambition.IsHighAmbition(Rated.Of(PotentialImpact.Transformative), Rated.Of(false)).ShouldBe(Rated.Of(false));

    [Fact]
    public void an_irrelevant_commitment_without_an_impact_rating_is_not_assessed_rather_than_no() =>
        // GH0031 in the IRM sample: `_Relevant` 0, Potential Impact ND, High Ambition ND.
        Ambition.IsHighAmbition(Rated.NotAssessed<PotentialImpact>(), Rated.Of(false)).ShouldBe(Rated.NotAssessed<bool>());

    public static TheoryData<Rated<Completion>, Rated<bool>> every_completion => new()
    {
        { Rated.Of(Completion.NotStarted), Rated.Of(false) },
        { Rated.Of(Completion.Limited), Rated.Of(false) },
        { Rated.Of(Completion.Substantial), Rated.Of(true) },
        { Rated.Of(Completion.Complete), Rated.Of(true) },
        { Rated.Of(Completion.Withdrawn), Rated.Of(false) },
        { Rated.NotAssessed<Completion>(), Rated.NotAssessed<bool>() },
        { Rated.NotApplicable<Completion>(), Rated.NotApplicable<bool>() },
    };

    [Theory]
    [MemberData(nameof(every_completion))]
    public void a_commitment_has_high_completion_when_substantial_or_complete(Rated<Completion> completion, Rated<bool> expected) =>
        Ambition.IsHighCompletion(completion).ShouldBe(expected);

    [Fact]
    public void the_completion_table_covers_every_completion() =>
        every_completion.Select(row => (Rated<Completion>)row[0]).ShouldBe(Levels.Of<Completion>(), ignoreOrder: true);
}
