namespace Tracker.Ratings;

/// <summary>Change in completion from the midterm to the end-of-term review.</summary>
public static class CompletionChanges
{
    /// <summary>
    /// Compares the two completions on the order NotStarted &lt; Limited &lt; Substantial &lt; Complete.
    /// Withdrawn on either side, or neither side applicable, is NotApplicable; otherwise a side that is not assessed
    /// or not applicable makes the change NotAssessed — the IRM writes ND when the midterm completion is NA and
    /// the end-of-term one is rated (31 rows of the full export), and ND/NR whenever a side is ND/NR.
    /// </summary>
    public static Rated<CompletionChange> Between(Rated<Completion> midterm, Rated<Completion> endOfTerm)
    {
        if (IsWithdrawn(midterm) || IsWithdrawn(endOfTerm)
            || (midterm.State == RatingState.NotApplicable && endOfTerm.State == RatingState.NotApplicable))
        {
            return Rated.NotApplicable<CompletionChange>();
        }

        if (!midterm.IsAssessed || !endOfTerm.IsAssessed)
        {
            return Rated.NotAssessed<CompletionChange>();
        }

        var difference = ((int)endOfTerm.Value).CompareTo((int)midterm.Value);
        return Rated.Of(difference > 0 ? CompletionChange.Increase
            : difference < 0 ? CompletionChange.Decrease
            : CompletionChange.NoChange);
    }

    private static bool IsWithdrawn(Rated<Completion> completion) =>
        completion.IsAssessed && completion.Value == Completion.Withdrawn;
}
