using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

namespace Tracker.Infrastructure;

/// <summary>The HTTP surface shared by every slice: JSON conventions, problem details, OpenAPI and its reference page.</summary>
public static class Api
{
    /// <summary>camelCase, enums as strings (never integers), ISO 8601 dates.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new EnumNamesJsonConverter());
        options.Converters.Add(new StringWithoutNulConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        // A field given twice (in any case) is refused rather than silently taking the last one, so no proxy in front
        // of Tracker can read a request differently from Tracker itself.
        options.AllowDuplicateProperties = false;
    }

    /// <summary>Registers JSON, problem details, the exception handler and OpenAPI.</summary>
    public static IServiceCollection AddTrackerApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.Remove("exception");
            problem.Extensions.TryAdd("code", problem.Status switch
            {
                401 => "caller.unauthenticated",
                403 => "caller.forbidden",
                404 => "route.not_found",
                405 => "route.method_not_allowed",
                413 => "request.too_large",
                415 => "request.unsupported_media_type",
                429 => "request.rate_limited",
                _ => "request.failed",
            });
            // Problems raised by the framework itself (a role the route refuses, an unknown route) take the same shape
            // as Tracker's own: its type URL and a sentence saying what happened.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
                problem.Type = $"https://tracker.example/problems/{problem.Extensions["code"]}";
            problem.Detail ??= problem.Status switch
            {
                401 => "Sign in: this needs a bearer token.",
                403 => "Your role may not do this.",
                404 => "Nothing is at this address.",
                405 => "This address does not take that method.",
                415 => "Send the body as application/json.",
                _ => null,
            };
        });
        services.AddExceptionHandler<ProblemsExceptionHandler>();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tracker API";
            document.Info.Description =
                "Open-government action plans, commitments, milestones and their independent review, as events. " +
                "Every read takes ?asOf=; every write answers with the stream version in ETag and honours If-Match and Idempotency-Key.";
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // The schema exporter knows the names only of JsonStringEnumConverter's enums; EnumNamesJsonConverter's are listed here.
            var schemaType = context.JsonTypeInfo.Type;
            if ((Nullable.GetUnderlyingType(schemaType) ?? schemaType) is { IsEnum: true } enumType && schema.Enum is not { Count: > 0 })
                schema.Enum = EnumNamesOf(enumType, nullable: enumType != schemaType);
            if (schema.Items is null && context.JsonTypeInfo.ElementType is { IsEnum: true } elementType)
                schema.Items = new Microsoft.OpenApi.OpenApiSchema { Enum = EnumNamesOf(elementType, nullable: false) };
            // Request bodies bind to nullable members so that a missing field gets a 400 naming it; the schema's
            // "required" would otherwise list every member. Which fields are required is in each description.
            if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
                foreach (var name in required.ToList())
                    if (properties.TryGetValue(name, out var property) && property.Type is { } type && type.HasFlag(Microsoft.OpenApi.JsonSchemaType.Null))
                        required.Remove(name);
            return Task.CompletedTask;
        }).AddOperationTransformer(OpenApiExamples.Apply));
        return services;
    }

    private static List<System.Text.Json.Nodes.JsonNode> EnumNamesOf(Type enumType, bool nullable)
    {
        var names = Enum.GetNames(enumType).Select(name => (System.Text.Json.Nodes.JsonNode)JsonNamingPolicy.CamelCase.ConvertName(name)).ToList();
        if (nullable) names.Add(null!);
        return names;
    }

    /// <summary>Maps <c>/openapi/v1.json</c> and the API reference at <c>/docs</c>.</summary>
    public static WebApplication MapTrackerApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Tracker API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
