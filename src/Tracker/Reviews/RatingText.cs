using System.Text.Json;
using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>
/// How a tri-state rating is written in events and views: the level's camelCase name, or <c>notAssessed</c> /
/// <c>notApplicable</c>, so "not assessed" can never be read as a level.
/// </summary>
public static class RatingText
{
    /// <summary>Written for a rating that was not assessed.</summary>
    public const string NotAssessed = "notAssessed";
    /// <summary>Written for a rating that does not apply.</summary>
    public const string NotApplicable = "notApplicable";

    /// <summary>Formats a level.</summary>
    public static string Format<T>(Rated<T> rated) where T : struct, Enum =>
        rated.Match(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), NotAssessed, NotApplicable);

    /// <summary>Formats a yes/no as true/false/null (null when not assessed or not applicable).</summary>
    public static bool? Format(Rated<bool> rated) => rated.IsAssessed ? rated.Value : null;

    /// <summary>Formats a value set, e.g. <c>accessToInformation,civicParticipation</c> (empty for none).</summary>
    public static string FormatSet(Rated<IReadOnlySet<OgpValue>> rated) =>
        rated.Match(set => string.Join(",", set.Order().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))), NotAssessed, NotApplicable);

    /// <summary>Reads a level written by <see cref="Format{T}"/>.</summary>
    public static Rated<T> Parse<T>(string? text) where T : struct, Enum => text switch
    {
        null or NotAssessed => Rated.NotAssessed<T>(),
        NotApplicable => Rated.NotApplicable<T>(),
        _ => Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? Rated.Of(value) : Rated.NotAssessed<T>(),
    };

    /// <summary>Reads a yes/no written as <c>yes</c>/<c>no</c>/<c>true</c>/<c>false</c>.</summary>
    public static Rated<bool> ParseBool(string? text) => text?.ToLowerInvariant() switch
    {
        "yes" or "true" => Rated.Of(true),
        "no" or "false" => Rated.Of(false),
        NotApplicable or "notapplicable" => Rated.NotApplicable<bool>(),
        _ => Rated.NotAssessed<bool>(),
    };

    /// <summary>Reads a value set written by <see cref="FormatSet"/>.</summary>
    public static Rated<IReadOnlySet<OgpValue>> ParseSet(string? text) => text switch
    {
        null or NotAssessed => Rated.NotAssessed<IReadOnlySet<OgpValue>>(),
        NotApplicable => Rated.NotApplicable<IReadOnlySet<OgpValue>>(),
        _ => Rated.Of<IReadOnlySet<OgpValue>>(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => Enum.Parse<OgpValue>(v, ignoreCase: true)).ToHashSet()),
    };

    /// <summary>
    /// Checks and normalises a reviewer's value for <paramref name="indicator"/>; null (with the reason) when it is
    /// not a level of that indicator's scale.
    /// </summary>
    public static string? Normalise(Indicator indicator, string value, out string? problem)
    {
        string? reason = null;
        var normalised = NormaliseCore(indicator, value, ref reason);
        problem = reason;
        return normalised;
    }

    private static string? NormaliseCore(Indicator indicator, string value, ref string? problem)
    {
        string? failure = null;
        string? Level<T>() where T : struct, Enum =>
            Enum.TryParse<T>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(value, out _)
                ? Format(Rated.Of(level)) : Fail(string.Join(", ", Enum.GetNames<T>()));
        string? Fail(string allowed) { failure = $"For {indicator}: one of {allowed}."; return null; }
        var result = indicator switch
        {
            Indicator.Specificity => Level<Specificity>(),
            Indicator.PotentialImpact => Level<PotentialImpact>(),
            Indicator.Completion => Level<Completion>(),
            Indicator.DidItOpenGovernment or Indicator.DiogAccessToInformation or Indicator.DiogCivicParticipation
                or Indicator.DiogPublicAccountability => Level<OpenGovernmentEffect>(),
            Indicator.OnTime or Indicator.Relevant => value.ToLowerInvariant() is "yes" or "true" ? "yes"
                : value.ToLowerInvariant() is "no" or "false" ? "no" : Fail("Yes, No"),
            Indicator.Relevance => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .All(v => Enum.TryParse<OgpValue>(v, ignoreCase: true, out var ogp) && Enum.IsDefined(ogp) && !int.TryParse(v, out _))
                ? FormatSet(ParseSet(value)) : Fail("a comma-separated list of " + string.Join(", ", Enum.GetNames<OgpValue>())),
            _ => Fail("a known indicator"),
        };
        problem = failure;
        return result;
    }
}
