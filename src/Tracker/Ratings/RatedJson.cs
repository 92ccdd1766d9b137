using System.Text.Json;
using System.Text.Json.Serialization;
using Tracker.Infrastructure;

namespace Tracker.Ratings;

/// <summary>
/// The one JSON shape of a rating, in events, documents and answers alike: a level as its camelCase name
/// (<c>"medium"</c>), a yes/no as <c>true</c>/<c>false</c>, a set of OGP values as an array, and the two states without a
/// value as <c>"notAssessed"</c> / <c>"notApplicable"</c>. Unknown text is an error, never a silent NotAssessed.
/// </summary>
/// <remarks>
/// It also reads what Tracker wrote before ratings were typed, so stored reports keep loading: <c>null</c> for a
/// yes/no not assessed, <c>"yes"</c>/<c>"no"</c>, and a value set as one comma-separated string.
/// </remarks>
public sealed class RatedJsonConverter : JsonConverterFactory
{
    /// <summary>Written for a rating that was not assessed.</summary>
    public const string NotAssessed = "notAssessed";

    /// <summary>Written for a rating that does not apply.</summary>
    public const string NotApplicable = "notApplicable";

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Rated<>);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var scale = typeToConvert.GetGenericArguments()[0];
        if (scale == typeof(bool)) return new YesNo();
        if (scale == typeof(IReadOnlySet<OgpValue>)) return new ValueSet();
        if (scale.IsEnum) return (JsonConverter)Activator.CreateInstance(typeof(Level<>).MakeGenericType(scale))!;
        throw new NotSupportedException($"No JSON shape for ratings on the scale {scale.Name}.");
    }

    /// <summary>The camelCase name of a level, as written.</summary>
    public static string Name<T>(T level) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(level.ToString());

    /// <summary>Reads a level by its name (any case); false for anything else, numbers included.</summary>
    public static bool TryLevel<T>(string text, out T level) where T : struct, Enum =>
        EnumNames.TryParse(text, out level);

    private static bool TryState(string text, out RatingState state)
    {
        state = text.Equals(NotAssessed, StringComparison.OrdinalIgnoreCase) ? RatingState.NotAssessed
            : text.Equals(NotApplicable, StringComparison.OrdinalIgnoreCase) ? RatingState.NotApplicable
            : RatingState.Assessed;
        return state != RatingState.Assessed;
    }

    private static void WriteState(Utf8JsonWriter writer, RatingState state) =>
        writer.WriteStringValue(state == RatingState.NotApplicable ? NotApplicable : NotAssessed);

    private sealed class Level<T> : JsonConverter<Rated<T>> where T : struct, Enum
    {
        public override bool HandleNull => true;

        public override Rated<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return Rated.NotAssessed<T>();
            var text = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? reader.GetString()!
                : throw Unknown(typeof(T).Name, "a non-text value");
            if (TryState(text, out var state)) return state == RatingState.NotApplicable ? Rated.NotApplicable<T>() : Rated.NotAssessed<T>();
            return TryLevel<T>(text, out var level) ? Rated.Of(level) : throw Unknown(typeof(T).Name, text);
        }

        // Counts by level (a dashboard's commitments by completion) are objects keyed by the level.
        public override Rated<T> ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, Rated<T> value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.Match(Name, NotAssessed, NotApplicable));

        public override void Write(Utf8JsonWriter writer, Rated<T> value, JsonSerializerOptions options)
        {
            if (value.TryGetValue(out var level)) writer.WriteStringValue(Name(level));
            else WriteState(writer, value.State);
        }
    }

    private sealed class YesNo : JsonConverter<Rated<bool>>
    {
        public override bool HandleNull => true;

        public override Rated<bool> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.True => Rated.Of(true),
            JsonTokenType.False => Rated.Of(false),
            JsonTokenType.Null => Rated.NotAssessed<bool>(),
            JsonTokenType.String => reader.GetString()!.ToLowerInvariant() switch
            {
                "yes" or "true" => Rated.Of(true),
                "no" or "false" => Rated.Of(false),
                var text when TryState(text, out var state) => Rated.FromState<bool>(state, false),
                var text => throw Unknown("yes/no", text),
            },
            _ => throw Unknown("yes/no", "a number or an object"),
        };

        public override void Write(Utf8JsonWriter writer, Rated<bool> value, JsonSerializerOptions options)
        {
            if (value.TryGetValue(out var yes)) writer.WriteBooleanValue(yes);
            else WriteState(writer, value.State);
        }
    }

    private sealed class ValueSet : JsonConverter<Rated<IReadOnlySet<OgpValue>>>
    {
        public override bool HandleNull => true;

        public override Rated<IReadOnlySet<OgpValue>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return Rated.NotAssessed<IReadOnlySet<OgpValue>>();
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    if (TryState(text, out var state)) return Rated.FromState<IReadOnlySet<OgpValue>>(state, null);
                    return Rated.Of(Values(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                case JsonTokenType.StartArray:
                    var names = new List<string>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        names.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unknown(nameof(OgpValue), "a non-text value"));
                    return Rated.Of(Values(names));
                default:
                    throw Unknown(nameof(OgpValue), "a number or an object");
            }
        }

        private static IReadOnlySet<OgpValue> Values(IEnumerable<string> names) =>
            names.Select(name => TryLevel<OgpValue>(name, out var value) ? value : throw Unknown(nameof(OgpValue), name)).ToHashSet();

        public override void Write(Utf8JsonWriter writer, Rated<IReadOnlySet<OgpValue>> value, JsonSerializerOptions options)
        {
            if (!value.TryGetValue(out var set))
            {
                WriteState(writer, value.State);
                return;
            }
            writer.WriteStartArray();
            foreach (var ogpValue in set.Order()) writer.WriteStringValue(Name(ogpValue));
            writer.WriteEndArray();
        }
    }

    private static JsonException Unknown(string scale, string text) =>
        new($"'{(text.Length > 60 ? text[..60] + "…" : text)}' is not a level of {scale}: expected one of its levels, {NotAssessed} or {NotApplicable}.");
}
