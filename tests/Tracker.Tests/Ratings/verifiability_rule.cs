using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class verifiability_rule
{
    public static TheoryData<Rated<Specificity>, Rated<bool>> every_specificity => new()
    {
        { Rated.Of(Specificity.None), Rated.Of(false) },
        { Rated.Of(Specificity.Low), Rated.Of(false) },
        { Rated.Of(Specificity.Medium), Rated.Of(true) },
        { Rated.Of(Specificity.High), Rated.Of(true) },
        { Rated.NotAssessed<Specificity>(), Rated.NotAssessed<bool>() },
        { Rated.NotApplicable<Specificity>(), Rated.NotApplicable<bool>() },
    };

    [Theory]
    [MemberData(nameof(every_specificity))]
    public void a_commitment_is_verifiable_when_its_specificity_is_medium_or_high(Rated<Specificity> specificity, Rated<bool> expected) =>
        Verifiability.IsVerifiable(specificity).ShouldBe(expected);

    [Fact]
    public void the_table_covers_every_specificity() =>
        every_specificity.Select(row => (Rated<Specificity>)row[0]).ShouldBe(Levels.Of<Specificity>(), ignoreOrder: true);
}
