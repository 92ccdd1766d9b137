namespace Tracker.Ratings;

/// <summary>Relevance to OGP values.</summary>
public static class Relevance
{
    private static readonly OgpValue[] CountingValues =
        [OgpValue.AccessToInformation, OgpValue.CivicParticipation, OgpValue.PublicAccountability];

    /// <summary>
    /// Relevant when the commitment serves access to information, civic participation or public accountability;
    /// technology and innovation alone does not count (IRM: technology must serve one of the other three).
    /// </summary>
    public static Rated<bool> IsRelevant(Rated<IReadOnlySet<OgpValue>> values) =>
        values.Map(set => CountingValues.Any(set.Contains));
}
