namespace Tracker.Ratings;

/// <summary>The panel's value for one indicator.</summary>
/// <param name="Value">The lead reviewer's final value, or else the median of the reviewers' assessed values.</param>
/// <param name="Disagreement">Whether the reviewers' assessed values differ.</param>
/// <param name="IsFinal">Whether the lead reviewer recorded the final value.</param>
/// <typeparam name="T">The ordinal scale.</typeparam>
public sealed record Consensus<T>(Rated<T> Value, bool Disagreement, bool IsFinal) where T : struct, Enum;

/// <summary>Consensus when more than one reviewer assessed an indicator.</summary>
public static class PanelConsensus
{
    /// <summary>
    /// The lead reviewer's final value when recorded; otherwise the median of the assessed levels by ordinal order,
    /// taking the lower of the two middle levels for an even count, so that an undecided panel never publishes the
    /// more favourable rating. With no assessed value: NotApplicable when every reviewer said NotApplicable, else
    /// NotAssessed. Disagreement is computed from the reviewers' values in every case.
    /// </summary>
    public static Consensus<T> Decide<T>(IReadOnlyList<Rated<T>> reviewerValues, Rated<T>? leadReviewerFinal)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(reviewerValues);
        var assessed = reviewerValues.Where(rated => rated.IsAssessed).Select(rated => rated.Value).Order().ToList();
        var disagreement = assessed.Distinct().Skip(1).Any();

        if (leadReviewerFinal is { } final)
        {
            return new Consensus<T>(final, disagreement, IsFinal: true);
        }

        var value = assessed.Count > 0 ? Rated.Of(assessed[(assessed.Count - 1) / 2])
            : reviewerValues.Count > 0 && reviewerValues.All(rated => rated.State == RatingState.NotApplicable) ? Rated.NotApplicable<T>()
            : Rated.NotAssessed<T>();

        return new Consensus<T>(value, disagreement, IsFinal: false);
    }
}
