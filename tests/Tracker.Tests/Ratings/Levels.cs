using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>Every value a rating can take on a scale: each level, then NotAssessed and NotApplicable.</summary>
public static class Levels
{
    public static IReadOnlyList<Rated<T>> Of<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(Rated.Of), Rated.NotAssessed<T>(), Rated.NotApplicable<T>()];

    public static IReadOnlyList<Rated<bool>> OfBool() =>
        [Rated.Of(true), Rated.Of(false), Rated.NotAssessed<bool>(), Rated.NotApplicable<bool>()];

    public static Rated<IReadOnlySet<OgpValue>> Values(params OgpValue[] values) =>
        Rated.Of<IReadOnlySet<OgpValue>>(values.ToHashSet());

    /// <summary>All 16 subsets of the OGP values.</summary>
    public static IReadOnlyList<IReadOnlySet<OgpValue>> AllValueSets()
    {
        var all = Enum.GetValues<OgpValue>();
        return [.. Enumerable.Range(0, 1 << all.Length)
            .Select(mask => (IReadOnlySet<OgpValue>)all.Where((_, bit) => (mask & (1 << bit)) != 0).ToHashSet())];
    }
}

/// <summary>
/// The ways a design can be relevant, not relevant, or neither, as (values, recorded verdict) pairs, with the
/// relevance each one means, written out by hand.
/// </summary>
public static class RelevanceCases
{
    public static IReadOnlyList<(Rated<IReadOnlySet<OgpValue>> Values, Rated<bool>? Recorded, Rated<bool> Relevant)> All =>
    [
        (Levels.Values(OgpValue.AccessToInformation), null, Rated.Of(true)),
        (Levels.Values(OgpValue.PublicAccountability, OgpValue.TechnologyAndInnovation), null, Rated.Of(true)),
        (Levels.Values(OgpValue.TechnologyAndInnovation), null, Rated.Of(false)),
        (Levels.Values(), null, Rated.Of(false)),
        (Rated.NotAssessed<IReadOnlySet<OgpValue>>(), null, Rated.NotAssessed<bool>()),
        (Rated.NotApplicable<IReadOnlySet<OgpValue>>(), null, Rated.NotApplicable<bool>()),
        (Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.Of(true), Rated.Of(true)),
        (Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.Of(false), Rated.Of(false)),
    ];
}
