using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracker.Infrastructure;

/// <summary>An example request body, declared by the endpoint that takes it (<see cref="OpenApiExamples.WithRequestExample"/>).</summary>
public sealed record RequestExample(string Json);

/// <summary>An endpoint that reads a file from a multipart field itself (so a wrong body gets a 400 naming the field, not a 415).</summary>
public sealed record MultipartFileBody(string Field, string Description);

/// <summary>
/// The OpenAPI side of what each slice declares on its endpoints: example bodies and multipart uploads. The examples
/// themselves live beside the endpoints they describe.
/// </summary>
public static class OpenApiExamples
{
    /// <summary>Attaches <paramref name="json"/> as the example request body of the endpoint.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder endpoint, string json) =>
        endpoint.WithMetadata(new RequestExample(json));

    /// <summary>Describes the endpoint's body as a multipart upload of one file in <paramref name="field"/>.</summary>
    public static RouteHandlerBuilder WithMultipartFileBody(this RouteHandlerBuilder endpoint, string field, string description) =>
        endpoint.WithMetadata(new MultipartFileBody(field, description));

    /// <summary>Operation transformer: writes the endpoint's declared example or multipart body into its operation.</summary>
    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<MultipartFileBody>().FirstOrDefault() is { } upload)
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = upload.Description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { upload.Field },
                            Properties = new Dictionary<string, IOpenApiSchema> { [upload.Field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        },
                    },
                },
            };
        if (metadata.OfType<RequestExample>().FirstOrDefault() is { } example
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType json)
            json.Example = JsonNode.Parse(example.Json);
        return Task.CompletedTask;
    }
}
