using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class relevance_rule
{
    public static TheoryData<Rated<IReadOnlySet<OgpValue>>, Rated<bool>> every_value_set
    {
        get
        {
            var data = new TheoryData<Rated<IReadOnlySet<OgpValue>>, Rated<bool>>();
            foreach (var set in Levels.AllValueSets())
            {
                var relevant = set.Contains(OgpValue.AccessToInformation)
                    || set.Contains(OgpValue.CivicParticipation)
                    || set.Contains(OgpValue.PublicAccountability);
                data.Add(Rated.Of(set), Rated.Of(relevant));
            }

            data.Add(Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.NotAssessed<bool>());
            data.Add(Rated.NotApplicable<IReadOnlySet<OgpValue>>(), Rated.NotApplicable<bool>());
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_value_set))]
    public void a_commitment_is_relevant_when_it_serves_information_participation_or_accountability(
        Rated<IReadOnlySet<OgpValue>> values, Rated<bool> expected) =>
        Relevance.IsRelevant(values).ShouldBe(expected);

    [Fact]
    public void technology_alone_does_not_make_a_commitment_relevant() =>
        Relevance.IsRelevant(Levels.Values(OgpValue.TechnologyAndInnovation)).ShouldBe(Rated.Of(false));

    [Fact]
    public void technology_with_civic_participation_is_relevant() =>
        Relevance.IsRelevant(Levels.Values(OgpValue.TechnologyAndInnovation, OgpValue.CivicParticipation)).ShouldBe(Rated.Of(true));

    [Fact]
    public void a_commitment_with_no_values_is_not_relevant() =>
        Relevance.IsRelevant(Levels.Values()).ShouldBe(Rated.Of(false));

    [Fact]
    public void values_not_assessed_leave_relevance_not_assessed_rather_than_no() =>
        Relevance.IsRelevant(Rated.NotAssessed<IReadOnlySet<OgpValue>>()).State.ShouldBe(RatingState.NotAssessed);
}
