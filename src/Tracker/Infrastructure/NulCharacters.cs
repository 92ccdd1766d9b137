using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Infrastructure;

/// <summary>
/// PostgreSQL's text and jsonb cannot hold the NUL character (U+0000), so a request that carries one anywhere — a JSON
/// string at any depth, a query parameter — is refused with 400 naming where it was, before it reaches a
/// handler or the database. (A NUL in the path never gets this far: the server refuses it.)
/// </summary>
public static class NulCharacters
{
    /// <summary>The refusal's text, the same wherever the character was found.</summary>
    public const string Message = "Text may not contain the NUL character (U+0000).";

    /// <summary>Middleware: 400 naming the query parameter that carries a NUL character.</summary>
    public static IApplicationBuilder UseNulCharacterRefusal(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (FieldHoldingOne(context.Request.Query) is not { } field) return next(context);
            return Problems.Result(Problems.Validation(field, Message, "request.nul_character")).ExecuteAsync(context);
        });

    /// <summary>The first field (of a query string or a form) whose name or value holds a NUL character, named printably; else null.</summary>
    public static string? FieldHoldingOne(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields) =>
        fields.FirstOrDefault(f => f.Key.Contains('\0') || f.Value.Any(v => v?.Contains('\0') == true)).Key?.Replace("\0", "\\u0000");
}

/// <summary>The JSON reader of every string in a request body: refuses NUL characters (the serializer adds the field's path).</summary>
public sealed class StringWithoutNulConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0') ? throw new NulCharacterInJson() : text;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A NUL character in a JSON string of a request body.</summary>
public sealed class NulCharacterInJson() : JsonException(NulCharacters.Message);
