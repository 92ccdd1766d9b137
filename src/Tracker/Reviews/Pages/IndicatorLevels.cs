using Tracker.PublicSite;
using Tracker.Ratings;

namespace Tracker.Reviews.Pages;

/// <summary>
/// One level a reviewer can pick: the text the form posts for it (the HTTP edge, read by <see cref="Score.Parse"/>), its
/// words and the IRM's definition.
/// </summary>
public sealed record LevelChoice(string Posted, string Label, string Definition);

/// <summary>
/// Every level of an indicator's scale with its definition, as the assessment form lists them: the 2011–2020 scales of
/// <see cref="RatingScale"/>, the scales since 2021 of <see cref="CurrentMethodScales"/>, and the IRM's questions for
/// the yes/no indicators. A form posts a level's enum name, which <see cref="Score.Parse"/> reads as the API does.
/// </summary>
public static class IndicatorLevels
{
    /// <summary>The indicator's name as a reviewer reads it.</summary>
    public static string Name(Indicator indicator) => indicator switch
    {
        Indicator.Relevance => "Relevance to OGP values",
        Indicator.Relevant => "Relevant to an OGP value",
        Indicator.OnTime => "On time",
        Indicator.DidItOpenGovernment => "Did it open government? (overall)",
        Indicator.DiogAccessToInformation => "Did it open government? Access to information",
        Indicator.DiogCivicParticipation => "Did it open government? Civic participation",
        Indicator.DiogPublicAccountability => "Did it open government? Public accountability",
        Indicator.OpenGovernmentLens => "Open-government lens",
        Indicator.ResultsCompletion => "Completion",
        _ => Words.Sentence(indicator.ToString()),
    };

    /// <summary>True when a reviewer may tick several levels (Relevance: a set of OGP values).</summary>
    public static bool IsSet(Indicator indicator) => IndicatorScales.Of(indicator) == typeof(IReadOnlySet<OgpValue>);

    /// <summary>The levels of <paramref name="indicator"/>'s scale, in the scale's order, each with its definition.</summary>
    public static IReadOnlyList<LevelChoice> Of(Indicator indicator) => indicator switch
    {
        Indicator.Specificity => FromScale<Specificity>(RatingScale.Specificity.Levels),
        Indicator.PotentialImpact => FromScale<PotentialImpact>(RatingScale.PotentialImpact.Levels),
        Indicator.Completion => FromScale<Completion>(RatingScale.Completion.Levels),
        Indicator.Relevance => FromScale<OgpValue>(RatingScale.OgpValues),
        Indicator.DidItOpenGovernment or Indicator.DiogAccessToInformation or Indicator.DiogCivicParticipation or Indicator.DiogPublicAccountability
            => FromScale<OpenGovernmentEffect>(RatingScale.DidItOpenGovernment.Levels),
        Indicator.PotentialForResults => FromVersioned(CurrentMethodScales.PotentialForResults),
        Indicator.ResultsCompletion => FromVersioned(CurrentMethodScales.Completion),
        Indicator.EarlyResults => FromVersioned(CurrentMethodScales.EarlyResults),
        Indicator.Relevant => YesNo("Relevant to at least one OGP value: access to information, civic participation or public accountability.",
            "Not relevant to any OGP value as written."),
        Indicator.OnTime => YesNo("Every milestone due by the cutoff was complete by its (re-baselined) end date.",
            "At least one milestone due by the cutoff was not complete by its end date."),
        Indicator.Verifiable => YesNo("Specific enough to verify: its objectives and actions can be checked.",
            "Too vague to verify (an Action Plan Review assesses it no further)."),
        Indicator.OpenGovernmentLens => YesNo("It makes government more transparent, participatory or accountable to the public.",
            "No open-government lens as written: the IRM does not assess it further."),
        Indicator.Promising => YesNo("Promising: the IRM highlights it for its potential for results.", "Not among the promising commitments."),
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Unknown indicator."),
    };

    /// <summary>What a form posts for <paramref name="score"/> (the level's enum name, Yes/No, or the OGP values), or null when it has no value.</summary>
    public static IReadOnlyList<string> FormValues(Score score) => score switch
    {
        { State: not RatingState.Assessed } => [],
        Score<bool> yesNo => [yesNo.Rating.Value ? "Yes" : "No"],
        Score<IReadOnlySet<OgpValue>> values => values.Rating.Value.Order().Select(v => v.ToString()).ToList(),
        _ => [score.ToString()[(score.Indicator.ToString().Length + 2)..]],
    };

    private static IReadOnlyList<LevelChoice> YesNo(string yes, string no) => [new("Yes", "Yes", yes), new("No", "No", no)];

    // The public scales key their levels in camelCase; the form posts the enum's own name.
    private static IReadOnlyList<LevelChoice> FromScale<T>(IReadOnlyList<ScaleLevel> levels) where T : struct, Enum =>
        Enum.GetValues<T>().Select(level =>
        {
            var key = RatedJsonConverter.Name(level);
            var known = levels.FirstOrDefault(l => l.Value == key);
            return new LevelChoice(level.ToString(), known?.Label ?? Words.Sentence(level.ToString()), known?.Definition ?? "");
        }).ToList();

    private static IReadOnlyList<LevelChoice> FromVersioned<T>(VersionedScale<T> scale) where T : struct, Enum =>
        scale.Levels.Select(l => new LevelChoice(l.Level.ToString(), Words.Sentence(l.Level.ToString()), l.Definition)).ToList();
}
