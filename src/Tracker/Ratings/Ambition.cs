namespace Tracker.Ratings;

/// <summary>The IRM's high-ambition and high-completion flags.</summary>
public static class Ambition
{
    /// <summary>
    /// Potential impact Moderate or Transformative, and relevant. Either input not assessed makes the flag
    /// NotAssessed (NotApplicable wins over NotAssessed): the sample's `High Ambition` is ND for GH0031, which is
    /// not relevant but has no potential impact rating.
    /// </summary>
    public static Rated<bool> IsHighAmbition(Rated<PotentialImpact> potentialImpact, Rated<bool> relevant)
    {
        if (potentialImpact.State == RatingState.NotApplicable || relevant.State == RatingState.NotApplicable)
        {
            return Rated.NotApplicable<bool>();
        }

        if (!potentialImpact.IsAssessed || !relevant.IsAssessed)
        {
            return Rated.NotAssessed<bool>();
        }

        return Rated.Of(potentialImpact.Value is PotentialImpact.Moderate or PotentialImpact.Transformative && relevant.Value);
    }

    /// <summary>Completion Substantial or Complete; Withdrawn is not high completion.</summary>
    public static Rated<bool> IsHighCompletion(Rated<Completion> completion) =>
        completion.Map(level => level is Completion.Substantial or Completion.Complete);
}
