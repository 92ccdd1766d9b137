using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Infrastructure;

/// <summary>
/// Enums in JSON by their camelCase names, read by a name alone (any case). System.Text.Json's JsonStringEnumConverter
/// also reads "limited,complete" as the bitwise OR of the two (complete), a value nobody sent. An undefined value is
/// never written either: it can only be a bug, and a document that carried it would fail every later read.
/// </summary>
public sealed class EnumNamesJsonConverter : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ByName<>).MakeGenericType(typeToConvert))!;

    private sealed class ByName<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly FrozenDictionary<T, string> Names =
            Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? ReadAsPropertyName(ref reader, typeToConvert, options)
                : throw new JsonException($"One of {string.Join(", ", Names.Values)}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(NameOf(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnumNames.TryParse<T>(reader.GetString(), out var value) ? value
                : throw new JsonException($"One of {string.Join(", ", Names.Values)}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(NameOf(value));

        private static string NameOf(T value) =>
            Names.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} is not a value of {typeof(T).Name}.");
    }
}
