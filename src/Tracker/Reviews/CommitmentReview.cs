using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tracker.Infrastructure;
using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>A reviewer's latest value for an indicator.</summary>
public sealed record ReviewerValue(string ReviewerId, Score Value, string? Rationale);

/// <summary>The panel's value for one indicator: consensus (median) or the lead reviewer's final value, and who said what.</summary>
public sealed record PanelValue(Score Value, bool Disagreement, bool IsFinal, IReadOnlyList<ReviewerValue> Reviewers)
{
    /// <summary>Nobody assessed <paramref name="indicator"/>.</summary>
    public static PanelValue None(Indicator indicator) => new(Score.Without(indicator, RatingState.NotAssessed), false, false, []);
}

/// <summary>
/// The panel's values of one commitment, by indicator. In JSON an object keyed by indicator whose values carry the
/// rating alone, read on the scale of the key — which is also how it was written before ratings were typed.
/// </summary>
[JsonConverter(typeof(PanelJsonConverter))]
public sealed class Panel(IReadOnlyDictionary<Indicator, PanelValue> values) : IReadOnlyDictionary<Indicator, PanelValue>
{
    /// <summary>No indicator assessed.</summary>
    public static readonly Panel Empty = new(new Dictionary<Indicator, PanelValue>());

    /// <summary>The rating of <paramref name="indicator"/> on its scale; NotAssessed when the panel has none.</summary>
    public Rated<T> Rating<T>(Indicator indicator) where T : notnull =>
        values.TryGetValue(indicator, out var value) ? value.Value.As<T>() : Score.Without(indicator, RatingState.NotAssessed).As<T>();

    /// <summary>Whether any indicator carries a value or a NotApplicable.</summary>
    public bool AnyRated => values.Values.Any(v => v.Value.State != RatingState.NotAssessed);

    /// <summary>This panel with the indicator of <paramref name="score"/> set to the lead reviewer's final value.</summary>
    public Panel WithFinal(Score score) => new(new Dictionary<Indicator, PanelValue>(values)
    {
        [score.Indicator] = new(score, false, true, values.TryGetValue(score.Indicator, out var p) ? p.Reviewers : []),
    });

    /// <inheritdoc />
    public PanelValue this[Indicator key] => values[key];
    /// <inheritdoc />
    public IEnumerable<Indicator> Keys => values.Keys;
    /// <inheritdoc />
    public IEnumerable<PanelValue> Values => values.Values;
    /// <inheritdoc />
    public int Count => values.Count;
    /// <inheritdoc />
    public bool ContainsKey(Indicator key) => values.ContainsKey(key);
    /// <inheritdoc />
    public bool TryGetValue(Indicator key, out PanelValue value) => values.TryGetValue(key, out value!);
    /// <inheritdoc />
    public IEnumerator<KeyValuePair<Indicator, PanelValue>> GetEnumerator() => values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Reads and writes a <see cref="Panel"/>: each rating on the scale of the indicator that keys it.</summary>
public sealed class PanelJsonConverter : JsonConverter<Panel>
{
    /// <inheritdoc />
    public override Panel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A panel is an object keyed by indicator.");
        var values = new Dictionary<Indicator, PanelValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var indicator = Indicator(reader.GetString()!);
            reader.Read();
            using var entry = JsonDocument.ParseValue(ref reader);
            var root = entry.RootElement;
            var reviewers = IndicatorScales.Property(root, "reviewers") is { ValueKind: JsonValueKind.Array } list
                ? list.EnumerateArray().Select(r => new ReviewerValue(IndicatorScales.Property(r, "reviewerId")?.GetString() ?? "",
                    IndicatorScales.Read(indicator, IndicatorScales.Property(r, "value"), options), IndicatorScales.Property(r, "rationale")?.GetString())).ToList()
                : [];
            values[indicator] = new PanelValue(IndicatorScales.Read(indicator, IndicatorScales.Property(root, "value"), options),
                IndicatorScales.Property(root, "disagreement")?.GetBoolean() ?? false, IndicatorScales.Property(root, "isFinal")?.GetBoolean() ?? false, reviewers);
        }
        return new Panel(values);
    }

    private static Indicator Indicator(string name) => EnumNames.TryParse<Indicator>(name, out var indicator)
        ? indicator : throw new JsonException($"'{name}' is not an indicator.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Panel value, JsonSerializerOptions options)
    {
        string Name(string name) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;
        writer.WriteStartObject();
        foreach (var (indicator, panelValue) in value.OrderBy(p => p.Key))
        {
            writer.WritePropertyName(JsonNamingPolicy.CamelCase.ConvertName(indicator.ToString()));
            writer.WriteStartObject();
            writer.WritePropertyName(Name("Value"));
            panelValue.Value.WriteRating(writer, options);
            writer.WriteBoolean(Name("Disagreement"), panelValue.Disagreement);
            writer.WriteBoolean(Name("IsFinal"), panelValue.IsFinal);
            writer.WriteStartArray(Name("Reviewers"));
            foreach (var reviewer in panelValue.Reviewers)
            {
                writer.WriteStartObject();
                writer.WriteString(Name("ReviewerId"), reviewer.ReviewerId);
                writer.WritePropertyName(Name("Value"));
                reviewer.Value.WriteRating(writer, options);
                if (reviewer.Rationale is null) writer.WriteNull(Name("Rationale"));
                else writer.WriteString(Name("Rationale"), reviewer.Rationale);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}

/// <summary>What the events say about a commitment as of the report's cutoff, independent of reviewers' judgement.</summary>
/// <param name="ComputedCompletion">Completion computed from the milestones' latest progress as of the cutoff.</param>
/// <param name="ComputedOnTime">Whether every milestone due by the cutoff was complete by its (re-baselined) end.</param>
/// <param name="MidtermPanel">At end of term: the midterm report's panel values (its completion and design ratings).</param>
public sealed record CommitmentFacts(Guid CommitmentId, string Code, string Number, string Title, string? LeadInstitution,
    bool Withdrawn, Rated<Completion> ComputedCompletion, Rated<bool> ComputedOnTime, int OverdueMilestones, int Milestones,
    Panel? MidtermPanel);

/// <summary>
/// One commitment's entry in a review (product.md §4 and §5). For the 2011–2020 method (midterm and end of term): the
/// design ratings, completion (assessed and computed), on time, star and binding constraint, and at end of term the
/// change in completion and "did it open government?". For the method since 2021 (<see cref="CurrentMethodReview"/>):
/// verifiable, the open-government lens, potential for results and promising, or completion and early results. Every
/// rating is computed by the pure functions of <c>Tracker.Ratings</c>; once published the entry is a fact.
/// </summary>
public sealed record CommitmentReview(
    Guid CommitmentId, string Code, string Number, string Title, string? LeadInstitution,
    Rated<Specificity> Specificity, Rated<bool> Verifiable, Rated<IReadOnlySet<OgpValue>> Relevance, Rated<bool> Relevant,
    Rated<PotentialImpact> PotentialImpact, Rated<bool> HighAmbition,
    Rated<Completion> Completion, Rated<Completion> ComputedCompletion, bool CompletionDisagreement, Rated<bool> HighCompletion,
    Rated<bool> OnTime, Rated<bool> ComputedOnTime, int OverdueMilestones,
    Rated<bool> Starred, BindingConstraint BindingConstraint,
    Rated<Completion>? MidtermCompletion, Rated<CompletionChange>? ChangeInCompletion,
    Rated<OpenGovernmentEffect>? DidItOpenGovernment, Rated<OpenGovernmentEffect>? DidItOpenGovernmentAccessToInformation,
    Rated<OpenGovernmentEffect>? DidItOpenGovernmentCivicParticipation, Rated<OpenGovernmentEffect>? DidItOpenGovernmentPublicAccountability,
    Panel Panel, CommitmentFacts Facts, CurrentMethodReview? CurrentMethod = null)
{
    /// <summary>Rates a commitment from the panel's values and the facts, by the method of <paramref name="kind"/>.</summary>
    public static CommitmentReview Rate(CommitmentFacts facts, Panel panel, ReportKind kind, StarRule rule)
    {
        if (kind is ReportKind.ActionPlanReview or ReportKind.ResultsReport) return RateCurrentMethod(facts, panel, kind);

        // At end of term the design ratings are the midterm's unless the end-of-term report re-assessed them.
        Rated<T> Design<T>(Indicator i) where T : notnull =>
            panel.Rating<T>(i) is { State: not RatingState.NotAssessed } own ? own
                : facts.MidtermPanel?.Rating<T>(i) ?? Score.Without(i, RatingState.NotAssessed).As<T>();

        var design = new DesignAssessment(
            Design<Specificity>(Indicator.Specificity),
            Design<IReadOnlySet<OgpValue>>(Indicator.Relevance),
            Design<PotentialImpact>(Indicator.PotentialImpact),
            panel.ContainsKey(Indicator.Relevant) || facts.MidtermPanel?.ContainsKey(Indicator.Relevant) == true
                ? Design<bool>(Indicator.Relevant) : null);
        var endOfTerm = kind == ReportKind.EndOfTerm;
        var completion = panel.Rating<Completion>(Indicator.Completion);
        var midtermCompletion = endOfTerm
            ? facts.MidtermPanel?.Rating<Completion>(Indicator.Completion) ?? Rated.NotAssessed<Completion>()
            : completion;
        var endCompletion = endOfTerm ? completion : Rated.NotAssessed<Completion>();
        var assessedOnTime = panel.Rating<bool>(Indicator.OnTime);
        var reviewed = panel.AnyRated || facts.MidtermPanel?.Count > 0;
        var verifiable = panel.ContainsKey(Indicator.Verifiable) || facts.MidtermPanel?.ContainsKey(Indicator.Verifiable) == true
            ? Design<bool>(Indicator.Verifiable) : Verifiability.IsVerifiable(design.Specificity);

        return new CommitmentReview(
            facts.CommitmentId, facts.Code, facts.Number, facts.Title, facts.LeadInstitution,
            design.Specificity, verifiable,
            design.Values, design.Relevant, design.PotentialImpact,
            Ambition.IsHighAmbition(design.PotentialImpact, design.Relevant),
            completion, facts.ComputedCompletion,
            completion.IsAssessed && facts.ComputedCompletion.IsAssessed && completion.Value != facts.ComputedCompletion.Value,
            Ambition.IsHighCompletion(completion),
            assessedOnTime.IsAssessed ? assessedOnTime : facts.ComputedOnTime, facts.ComputedOnTime, facts.OverdueMilestones,
            Ratings.Starred.Evaluate(design, completion, rule),
            BindingConstraints.Find(design, midtermCompletion, endCompletion, reviewed, rule),
            endOfTerm ? midtermCompletion : null,
            endOfTerm ? CompletionChanges.Between(midtermCompletion, endCompletion) : null,
            endOfTerm ? panel.Rating<OpenGovernmentEffect>(Indicator.DidItOpenGovernment) : null,
            endOfTerm ? panel.Rating<OpenGovernmentEffect>(Indicator.DiogAccessToInformation) : null,
            endOfTerm ? panel.Rating<OpenGovernmentEffect>(Indicator.DiogCivicParticipation) : null,
            endOfTerm ? panel.Rating<OpenGovernmentEffect>(Indicator.DiogPublicAccountability) : null,
            panel, facts);
    }

    private static CommitmentReview RateCurrentMethod(CommitmentFacts facts, Panel panel, ReportKind kind)
    {
        var current = CurrentMethodReview.Rate(panel, kind);
        var none = Rated.NotAssessed<bool>();
        return new CommitmentReview(facts.CommitmentId, facts.Code, facts.Number, facts.Title, facts.LeadInstitution,
            Rated.NotAssessed<Specificity>(), current.Verifiable, Rated.NotAssessed<IReadOnlySet<OgpValue>>(), none,
            Rated.NotAssessed<PotentialImpact>(), none, Rated.NotAssessed<Completion>(), facts.ComputedCompletion, false, none,
            facts.ComputedOnTime, facts.ComputedOnTime, facts.OverdueMilestones, none, BindingConstraint.NotAssessed,
            null, null, null, null, null, null, panel, facts, current);
    }

    /// <summary>This entry with one indicator corrected by an erratum, every dependent rating recomputed.</summary>
    public CommitmentReview Corrected(Score score, ReportKind kind, StarRule rule) => Rate(Facts, Panel.WithFinal(score), kind, rule);
}
