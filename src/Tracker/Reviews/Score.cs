using System.Text.Json;
using System.Text.Json.Serialization;
using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>
/// One indicator's rating on that indicator's own scale (<see cref="IndicatorScales"/>): a <see cref="Rated{T}"/> that
/// knows which indicator it rates, so an assessment of Specificity can only ever hold a Specificity level.
/// </summary>
[JsonConverter(typeof(ScoreJsonConverter))]
public abstract record Score(Indicator Indicator)
{
    /// <summary>Assessed, NotAssessed or NotApplicable.</summary>
    public abstract RatingState State { get; }

    /// <summary>The rating as its scale's type; throws when <typeparamref name="T"/> is not the indicator's scale.</summary>
    public Rated<T> As<T>() where T : notnull => this is Score<T> typed ? typed.Rating
        : throw new InvalidOperationException($"{Indicator} is rated on {IndicatorScales.Of(Indicator).Name}, not {typeof(T).Name}.");

    /// <summary>A rating of <paramref name="indicator"/>; throws when <typeparamref name="T"/> is not its scale.</summary>
    public static Score Of<T>(Indicator indicator, Rated<T> rating) where T : notnull =>
        IndicatorScales.Of(indicator) == typeof(T) ? new Score<T>(indicator, rating)
            : throw new ArgumentException($"{indicator} is rated on {IndicatorScales.Of(indicator).Name}, not {typeof(T).Name}.", nameof(rating));

    /// <summary>No value for <paramref name="indicator"/>, in the given state (NotAssessed or NotApplicable).</summary>
    public static Score Without(Indicator indicator, RatingState state) => IndicatorScales.Without(indicator, state);

    /// <summary>
    /// Reads a level as a person or a client writes it (the HTTP edge, and events stored before ratings were typed): a
    /// level's name in any case (<c>Medium</c>), <c>Yes</c>/<c>No</c>, or for Relevance a comma-separated list of OGP
    /// values. Null, with the reason naming the levels allowed, when the text is not a level of the indicator's scale.
    /// </summary>
    public static Score? Parse(Indicator indicator, string text, out string? problem)
    {
        problem = null;
        Score? Level<T>() where T : struct, Enum =>
            RatedJsonConverter.TryLevel<T>(text.Trim().Replace(" ", ""), out var level) ? Of(indicator, Rated.Of(level)) : null;
        var scale = IndicatorScales.Of(indicator);
        var score = scale == typeof(bool)
            ? text.Trim().ToLowerInvariant() switch
            {
                "yes" or "true" => Of(indicator, Rated.Of(true)),
                "no" or "false" => Of(indicator, Rated.Of(false)),
                _ => null,
            }
            : scale == typeof(IReadOnlySet<OgpValue>) ? Values(indicator, text)
            : indicator switch
            {
                Indicator.Specificity => Level<Specificity>(),
                Indicator.PotentialImpact => Level<PotentialImpact>(),
                Indicator.Completion => Level<Completion>(),
                Indicator.PotentialForResults => Level<PotentialForResults>(),
                Indicator.ResultsCompletion => Level<ResultsCompletion>(),
                Indicator.EarlyResults => Level<EarlyResults>(),
                _ => Level<OpenGovernmentEffect>(),
            };
        if (score is null) problem = $"For {indicator}: one of {Allowed(indicator)}.";
        return score;
    }

    /// <summary>The levels of <paramref name="indicator"/>'s scale, as <see cref="Parse"/> reads them.</summary>
    public static string Allowed(Indicator indicator) => IndicatorScales.Of(indicator) switch
    {
        var t when t == typeof(bool) => "Yes, No",
        var t when t == typeof(IReadOnlySet<OgpValue>) => "a comma-separated list of " + string.Join(", ", Enum.GetNames<OgpValue>()),
        var t => string.Join(", ", Enum.GetNames(t)),
    };

    private static Score? Values(Indicator indicator, string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new HashSet<OgpValue>();
        foreach (var name in names)
        {
            if (!RatedJsonConverter.TryLevel<OgpValue>(name, out var value)) return null;
            values.Add(value);
        }
        return Of<IReadOnlySet<OgpValue>>(indicator, Rated.Of<IReadOnlySet<OgpValue>>(values));
    }

    /// <summary>Writes the rating alone (the indicator is known from where it stands), in the one JSON shape of ratings.</summary>
    internal abstract void WriteRating(Utf8JsonWriter writer, JsonSerializerOptions options);
}

/// <summary>A rating of one indicator on the scale <typeparamref name="T"/>.</summary>
public sealed record Score<T>(Indicator Indicator, Rated<T> Rating) : Score(Indicator) where T : notnull
{
    /// <inheritdoc />
    public override RatingState State => Rating.State;

    /// <inheritdoc />
    public override string ToString() => $"{Indicator}: {Rating}";

    internal override void WriteRating(Utf8JsonWriter writer, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, Rating, options);
}

/// <summary>The scale each indicator is rated on.</summary>
public static class IndicatorScales
{
    /// <summary>The CLR type of <paramref name="indicator"/>'s scale.</summary>
    public static Type Of(Indicator indicator) => indicator switch
    {
        Indicator.Specificity => typeof(Specificity),
        Indicator.Relevance => typeof(IReadOnlySet<OgpValue>),
        Indicator.PotentialImpact => typeof(PotentialImpact),
        Indicator.Completion => typeof(Completion),
        Indicator.DidItOpenGovernment or Indicator.DiogAccessToInformation or Indicator.DiogCivicParticipation
            or Indicator.DiogPublicAccountability => typeof(OpenGovernmentEffect),
        Indicator.PotentialForResults => typeof(PotentialForResults),
        Indicator.ResultsCompletion => typeof(ResultsCompletion),
        Indicator.EarlyResults => typeof(EarlyResults),
        Indicator.Relevant or Indicator.OnTime or Indicator.Verifiable or Indicator.OpenGovernmentLens or Indicator.Promising => typeof(bool),
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Unknown indicator."),
    };

    internal static Score Without(Indicator indicator, RatingState state)
    {
        if (state == RatingState.Assessed) throw new ArgumentException("An assessed rating needs a value.", nameof(state));
        return indicator switch
        {
            Indicator.Specificity => None<Specificity>(indicator, state),
            Indicator.Relevance => None<IReadOnlySet<OgpValue>>(indicator, state),
            Indicator.PotentialImpact => None<PotentialImpact>(indicator, state),
            Indicator.Completion => None<Completion>(indicator, state),
            Indicator.PotentialForResults => None<PotentialForResults>(indicator, state),
            Indicator.ResultsCompletion => None<ResultsCompletion>(indicator, state),
            Indicator.EarlyResults => None<EarlyResults>(indicator, state),
            _ when Of(indicator) == typeof(bool) => None<bool>(indicator, state),
            _ => None<OpenGovernmentEffect>(indicator, state),
        };
    }

    private static Score None<T>(Indicator indicator, RatingState state) where T : notnull =>
        Score.Of(indicator, state == RatingState.NotApplicable ? Rated.NotApplicable<T>() : Rated.NotAssessed<T>());

    /// <summary>Reads a rating of <paramref name="indicator"/> in the one JSON shape of ratings.</summary>
    internal static Score Read(Indicator indicator, ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var scale = Of(indicator);
        var rated = JsonSerializer.Deserialize(ref reader, typeof(Rated<>).MakeGenericType(scale), options)!;
        return (Score)Activator.CreateInstance(typeof(Score<>).MakeGenericType(scale), indicator, rated)!;
    }

    /// <summary>Reads a rating of <paramref name="indicator"/> held in <paramref name="element"/> (none reads as null: not assessed).</summary>
    internal static Score Read(Indicator indicator, JsonElement? element, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(element?.GetRawText() ?? "null"));
        reader.Read();
        return Read(indicator, ref reader, options);
    }

    /// <summary>A property of <paramref name="element"/> by name, in any case; null when it has none.</summary>
    internal static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }
}

/// <summary>
/// A score as <c>{"indicator":"specificity","rating":"medium"}</c>: the indicator says which scale the rating is read on.
/// </summary>
public sealed class ScoreJsonConverter : JsonConverter<Score>
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeof(Score).IsAssignableFrom(typeToConvert);

    /// <inheritdoc />
    public override Score Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A score is an object with an indicator and a rating.");
        // The rating can only be read once the indicator is known, whatever order the two come in.
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (IndicatorScales.Property(root, "indicator") is not { } indicator || IndicatorScales.Property(root, "rating") is not { } rating)
            throw new JsonException("A score needs an indicator and a rating.");
        return IndicatorScales.Read(indicator.Deserialize<Indicator>(options), rating, options);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Score value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName("Indicator") ?? "Indicator");
        JsonSerializer.Serialize(writer, value.Indicator, options);
        writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName("Rating") ?? "Rating");
        value.WriteRating(writer, options);
        writer.WriteEndObject();
    }
}
