using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class design_assessment
{
    private static DesignAssessment Design(Rated<IReadOnlySet<OgpValue>> values, Rated<bool>? recorded) =>
        new(Rated.Of(Specificity.High), values, Rated.Of(PotentialImpact.Transformative), recorded);

    public static TheoryData<Rated<IReadOnlySet<OgpValue>>, Rated<bool>?, Rated<bool>> relevance_sources => new()
    {
        // Only values rated: relevance follows the values.
        { Levels.Values(OgpValue.AccessToInformation), null, Rated.Of(true) },
        { Levels.Values(OgpValue.TechnologyAndInnovation), null, Rated.Of(false) },
        { Rated.NotAssessed<IReadOnlySet<OgpValue>>(), null, Rated.NotAssessed<bool>() },
        { Rated.NotApplicable<IReadOnlySet<OgpValue>>(), null, Rated.NotApplicable<bool>() },

        // A recorded verdict without values (IRM 2020+ reviews, e.g. GH0031 `_Relevant` 0).
        { Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.Of(true), Rated.Of(true) },
        { Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.Of(false), Rated.Of(false) },
        { Rated.NotApplicable<IReadOnlySet<OgpValue>>(), Rated.Of(true), Rated.Of(true) },

        // A recorded verdict is the IRM's own and wins over the values (full export: SK0116).
        { Levels.Values(), Rated.Of(true), Rated.Of(true) },
        { Levels.Values(OgpValue.AccessToInformation), Rated.Of(false), Rated.Of(false) },

        // A verdict that was not given falls back to the values.
        { Levels.Values(OgpValue.CivicParticipation), Rated.NotAssessed<bool>(), Rated.Of(true) },
        { Levels.Values(), Rated.NotApplicable<bool>(), Rated.Of(false) },
        { Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.NotAssessed<bool>(), Rated.NotAssessed<bool>() },
    };

    [Theory]
    [MemberData(nameof(relevance_sources))]
    public void relevance_is_the_recorded_verdict_when_given_else_the_values(
        Rated<IReadOnlySet<OgpValue>> values, Rated<bool>? recorded, Rated<bool> expected) =>
        Design(values, recorded).Relevant.ShouldBe(expected);

    [Fact]
    public void two_assessments_with_the_same_values_in_different_sets_are_equal()
    {
        var first = Design(Levels.Values(OgpValue.AccessToInformation, OgpValue.PublicAccountability), null);
        var second = Design(Levels.Values(OgpValue.PublicAccountability, OgpValue.AccessToInformation), null);

        first.ShouldBe(second);
        first.GetHashCode().ShouldBe(second.GetHashCode());
    }

    [Fact]
    public void assessments_with_different_values_are_not_equal()
    {
        Design(Levels.Values(OgpValue.AccessToInformation), null)
            .ShouldNotBe(Design(Levels.Values(OgpValue.CivicParticipation), null));
        Design(Levels.Values(), null)
            .ShouldNotBe(Design(Rated.NotAssessed<IReadOnlySet<OgpValue>>(), null));
        Design(Levels.Values(), null)
            .ShouldNotBe(Design(Levels.Values(), Rated.Of(true)));
    }
}
