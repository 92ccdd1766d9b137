namespace Tracker.Ratings;

/// <summary>The completion a commitment ended its cycle with.</summary>
public static class LatestCompletion
{
    /// <summary>
    /// The end-of-term completion when assessed, else the midterm one; NotApplicable when neither applies,
    /// otherwise NotAssessed. This is the IRM's `Raw Completion` column.
    /// </summary>
    public static Rated<Completion> Of(Rated<Completion> midterm, Rated<Completion> endOfTerm) =>
        endOfTerm.IsAssessed ? endOfTerm
        : midterm.IsAssessed ? midterm
        : midterm.State == RatingState.NotApplicable && endOfTerm.State == RatingState.NotApplicable ? Rated.NotApplicable<Completion>()
        : Rated.NotAssessed<Completion>();
}
