using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// Every value an input can take, for the few invariants that hold whatever the inputs (they relate one rule to
/// another, or to itself; they never compute the expected value a second way).
/// </summary>
public static class Levels
{
    public static IReadOnlyList<Rated<T>> Of<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(Rated.Of), Rated.NotAssessed<T>(), Rated.NotApplicable<T>()];

    public static IReadOnlyList<Rated<bool>> OfBool() =>
        [Rated.Of(true), Rated.Of(false), Rated.NotAssessed<bool>(), Rated.NotApplicable<bool>()];

    public static Rated<IReadOnlySet<OgpValue>> Values(params OgpValue[] values) =>
        Rated.Of<IReadOnlySet<OgpValue>>(values.ToHashSet());

    /// <summary>Every specificity × way of being relevant or not × potential impact.</summary>
    public static IEnumerable<DesignAssessment> Designs() =>
        from specificity in Of<Specificity>()
        from relevance in Relevances
        from impact in Of<PotentialImpact>()
        select new DesignAssessment(specificity, relevance.Values, impact, relevance.Recorded);

    // Relevant, not relevant (technology alone, no value), values not rated, and the recorded verdict of 2020+ reviews.
    private static readonly (Rated<IReadOnlySet<OgpValue>> Values, Rated<bool>? Recorded)[] Relevances =
    [
        (Values(OgpValue.AccessToInformation), null),
        (Values(OgpValue.TechnologyAndInnovation), null),
        (Values(), null),
        (Rated.NotAssessed<IReadOnlySet<OgpValue>>(), null),
        (Rated.NotApplicable<IReadOnlySet<OgpValue>>(), null),
        (Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.Of(true)),
        (Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.Of(false)),
    ];
}
