using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// Reads the words the rating tables are written in, so that a row reads like a line of the IRM file:
/// a level's name (<c>"Medium"</c>, <c>"NotStarted"</c>), <c>"ND"</c> for not assessed (the IRM's ND and NR),
/// <c>"NA"</c> for not applicable. An unknown word throws, so a typo in a table fails its row instead of testing
/// something else.
/// </summary>
public static class Cell
{
    public static Rated<T> Of<T>(string cell) where T : struct, Enum => cell switch
    {
        "ND" => Rated.NotAssessed<T>(),
        "NA" => Rated.NotApplicable<T>(),
        _ => Enum.TryParse<T>(cell, ignoreCase: false, out var level) && Enum.IsDefined(level)
            ? Rated.Of(level)
            : throw new ArgumentException($"'{cell}' is not a {typeof(T).Name} level, ND or NA.", nameof(cell)),
    };

    /// <summary>A yes/no rating: "yes", "no", "ND", "NA"; the star tables also write "starred" and "not starred".</summary>
    public static Rated<bool> Flag(string cell) => cell switch
    {
        "yes" or "starred" => Rated.Of(true),
        "no" or "not starred" => Rated.Of(false),
        "ND" => Rated.NotAssessed<bool>(),
        "NA" => Rated.NotApplicable<bool>(),
        _ => throw new ArgumentException($"'{cell}' is not yes, no, starred, not starred, ND or NA.", nameof(cell)),
    };

    /// <summary>
    /// The OGP values marked 1 in the sample's four `OGP Value …` columns, space-separated ("ATI CP PA Tech");
    /// "none" when all four are 0; "ND" or "NA" when the values were not rated.
    /// </summary>
    public static Rated<IReadOnlySet<OgpValue>> Values(string cell) => cell switch
    {
        "ND" => Rated.NotAssessed<IReadOnlySet<OgpValue>>(),
        "NA" => Rated.NotApplicable<IReadOnlySet<OgpValue>>(),
        "none" => Rated.Of<IReadOnlySet<OgpValue>>(new HashSet<OgpValue>()),
        _ => Rated.Of<IReadOnlySet<OgpValue>>(cell.Split(' ').Select(code => code switch
        {
            "ATI" => OgpValue.AccessToInformation,
            "CP" => OgpValue.CivicParticipation,
            "PA" => OgpValue.PublicAccountability,
            "Tech" => OgpValue.TechnologyAndInnovation,
            _ => throw new ArgumentException($"'{code}' in '{cell}' is not ATI, CP, PA or Tech.", nameof(cell)),
        }).ToHashSet()),
    };

    /// <summary>
    /// A design from its three cells. The relevance cell is the OGP values (see <see cref="Values"/>), or
    /// "_Relevant 1" / "_Relevant 0" for a review that recorded only the verdict (values ND, as GH0031).
    /// </summary>
    public static DesignAssessment Design(string specificity, string relevance, string impact) => relevance switch
    {
        "_Relevant 1" => new(Of<Specificity>(specificity), Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Of<PotentialImpact>(impact), Rated.Of(true)),
        "_Relevant 0" => new(Of<Specificity>(specificity), Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Of<PotentialImpact>(impact), Rated.Of(false)),
        _ => new(Of<Specificity>(specificity), Values(relevance), Of<PotentialImpact>(impact)),
    };
}
