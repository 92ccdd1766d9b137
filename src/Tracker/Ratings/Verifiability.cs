namespace Tracker.Ratings;

/// <summary>Whether a commitment's deliverables can be verified.</summary>
public static class Verifiability
{
    /// <summary>Verifiable when specificity is Medium or High (the sample's `Verifiable` column agrees on every row whose `Specificity` is rated).</summary>
    public static Rated<bool> IsVerifiable(Rated<Specificity> specificity) =>
        specificity.Map(level => level is Specificity.Medium or Specificity.High);
}
