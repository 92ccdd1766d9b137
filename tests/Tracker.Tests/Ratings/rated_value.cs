using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class rated_value
{
    [Fact]
    public void an_assessed_rating_gives_its_value()
    {
        var rated = Rated.Of(Specificity.High);

        rated.State.ShouldBe(RatingState.Assessed);
        rated.IsAssessed.ShouldBeTrue();
        rated.Value.ShouldBe(Specificity.High);
        rated.TryGetValue(out var value).ShouldBeTrue();
        value.ShouldBe(Specificity.High);
    }

    [Fact]
    public void an_assessed_default_level_is_still_a_value()
    {
        var rated = Rated.Of(Specificity.None);

        rated.IsAssessed.ShouldBeTrue();
        rated.Value.ShouldBe(Specificity.None);
        rated.ShouldNotBe(Rated.NotAssessed<Specificity>());
    }

    [Theory]
    [InlineData(RatingState.NotAssessed)]
    [InlineData(RatingState.NotApplicable)]
    public void a_rating_without_a_value_refuses_to_give_one(RatingState state)
    {
        var rated = Rated.FromState(state, Specificity.High);

        rated.State.ShouldBe(state);
        rated.IsAssessed.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => rated.Value);
        rated.TryGetValue(out _).ShouldBeFalse();
    }

    [Fact]
    public void the_default_rating_is_not_assessed_not_the_lowest_level()
    {
        Rated<Specificity> rated = default;

        rated.State.ShouldBe(RatingState.NotAssessed);
        rated.ShouldBe(Rated.NotAssessed<Specificity>());
        Should.Throw<InvalidOperationException>(() => rated.Value);
    }

    [Fact]
    public void a_value_given_with_a_not_assessed_state_is_dropped()
    {
        Rated.FromState(RatingState.NotAssessed, Specificity.High).ShouldBe(Rated.NotAssessed<Specificity>());
        Rated.FromState(RatingState.NotApplicable, Specificity.High).ShouldBe(Rated.NotApplicable<Specificity>());
    }

    [Fact]
    public void an_assessed_rating_needs_a_value()
    {
        Should.Throw<ArgumentNullException>(() => Rated.FromState<string>(RatingState.Assessed, null));
        Should.Throw<ArgumentNullException>(() => Rated.Of<string>(null!));
    }

    [Fact]
    public void a_stored_state_that_is_not_one_of_the_three_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Rated.FromState((RatingState)7, Specificity.High));

    [Fact]
    public void ratings_are_equal_when_state_and_value_are()
    {
        Rated.Of(PotentialImpact.Minor).ShouldBe(Rated.Of(PotentialImpact.Minor));
        Rated.Of(PotentialImpact.Minor).ShouldNotBe(Rated.Of(PotentialImpact.Moderate));
        Rated.NotAssessed<PotentialImpact>().ShouldNotBe(Rated.NotApplicable<PotentialImpact>());
        Rated.NotAssessed<PotentialImpact>().ShouldBe(Rated.NotAssessed<PotentialImpact>());
    }

    public static TheoryData<Rated<Completion>, Rated<bool>> mapped_ratings => new()
    {
        { Rated.Of(Completion.Complete), Rated.Of(true) },
        { Rated.Of(Completion.Limited), Rated.Of(false) },
        { Rated.NotAssessed<Completion>(), Rated.NotAssessed<bool>() },
        { Rated.NotApplicable<Completion>(), Rated.NotApplicable<bool>() },
    };

    [Theory]
    [MemberData(nameof(mapped_ratings))]
    public void mapping_transforms_a_value_and_keeps_a_missing_one_missing(Rated<Completion> rated, Rated<bool> expected) =>
        rated.Map(level => level == Completion.Complete).ShouldBe(expected);

    [Fact]
    public void matching_folds_the_three_states()
    {
        Rated.Of(3).Match(value => $"got {value}", "none", "n/a").ShouldBe("got 3");
        Rated.NotAssessed<int>().Match(value => $"got {value}", "none", "n/a").ShouldBe("none");
        Rated.NotApplicable<int>().Match(value => $"got {value}", "none", "n/a").ShouldBe("n/a");
    }

    [Fact]
    public void a_rating_reads_well_as_text()
    {
        Rated.Of(Specificity.Medium).ToString().ShouldBe("Medium");
        Rated.Of(true).ToString().ShouldBe("True");
        Rated.NotAssessed<Specificity>().ToString().ShouldBe("NotAssessed");
        Rated.NotApplicable<Specificity>().ToString().ShouldBe("NotApplicable");
        Levels.Values(OgpValue.PublicAccountability, OgpValue.AccessToInformation).ToString()
            .ShouldBe("{AccessToInformation, PublicAccountability}");
        Levels.Values().ToString().ShouldBe("{}");
    }
}
