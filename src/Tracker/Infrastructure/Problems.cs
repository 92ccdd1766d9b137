using System.Text.Json;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Persistence;

namespace Tracker.Infrastructure;

/// <summary>
/// Turns every failure into RFC 7807 problem details with a stable <c>code</c>: rules → 403/404/409/422,
/// stale versions → 409 with the current version, malformed bodies → 400 naming the field, anything else →
/// 500 with no internals.
/// </summary>
public sealed class ProblemsExceptionHandler(IProblemDetailsService problems,
    ILogger<ProblemsExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // A request cut off by its timeout fails however the code under it reacts to the cancellation.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true
            && !context.Response.HasStarted)
        {
            logger.LogWarning("Timed out: {Method} {Path}", context.Request.Method, RefusalLogging.Escape(context.Request.Path));
            await Hardening.TimedOut(context);
            return true;
        }
        if (Resilience.IsTransient(exception) && !context.Response.HasStarted)
        {
            logger.LogWarning("Database unavailable: {Method} {Path}: {Reason}", context.Request.Method, RefusalLogging.Escape(context.Request.Path),
                RefusalLogging.Escape(exception.Message));
            await Hardening.DatabaseUnavailable(context);
            return true;
        }
        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, RefusalLogging.Escape(context.Request.Path));
        else
            RefusalLogging.Refused(logger, context, problem);
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem details an exception answers (also for the pages' forms, which show them beside their fields).</summary>
    public static ProblemDetails ToProblem(Exception exception)
    {
        switch (exception)
        {
            case not TrackerRuleBroken when UniqueCodes.Refusal(exception) is { } taken:
                return ToProblem(taken);
            case TrackerRuleBroken rule when rule.Kind == RuleKind.InvalidField && rule.Field is { } field:
                return Problems.Validation(field, rule.Message, rule.Code);
            case TrackerRuleBroken rule:
                var status = rule.Kind switch
                {
                    RuleKind.NotFound => 404,
                    RuleKind.Forbidden => 403,
                    RuleKind.Conflict => 409,
                    _ => 422,
                };
                if (rule.Field is { } about && status is 409 or 422)
                {
                    // A conflict about one field (a code already taken, a lead already assigned) names it as a 400 does, so
                    // a client, and a page's form, can show it beside that field.
                    var named = Problems.Validation(about, rule.Message, rule.Code);
                    named.Status = status;
                    named.Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
                    named.Detail = rule.Message;
                    return named;
                }
                return Problems.Of(status, rule.Code, rule.Message);
            case StaleVersion stale:
                return StaleVersionProblem(stale.CurrentVersion);
            case ConcurrencyException:
                // Writes through Writes.Send arrive here as StaleVersion, with the current version.
                return StaleVersionProblem(null);
            case Marten.Exceptions.ExistingStreamIdCollisionException collision:
                return Problems.Of(409, "stream.exists", $"A stream with id '{collision.Id}' already exists.");
            case JasperFx.Events.ExistingStreamIdCollisionException collision:
                return Problems.Of(409, "stream.exists", $"A stream with id '{collision.Id}' already exists.");
            case RequiredDataMissingException missing:
                return Problems.Of(404, "stream.not_found", missing.Message);
            case BadHttpRequestException { InnerException: NulCharacterInJson nul }:
                return Problems.Validation(JsonField(nul.Path), NulCharacters.Message, "request.nul_character");
            case BadHttpRequestException { InnerException: JsonException json }:
                return Problems.Validation(JsonField(json.Path), JsonMessage(json), "request.malformed");
            case JsonException json:
                return Problems.Validation(JsonField(json.Path), JsonMessage(json), "request.malformed");
            case BadHttpRequestException { StatusCode: 400 } bad when BoundParameter(bad.Message) is { } parameter:
                return Problems.Validation(parameter, parameter == "body" ? "A JSON body is required." : "The value is not valid here.", "request.malformed");
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return Problems.Of(413, "request.too_large", "The request body is larger than this endpoint accepts.");
            case BadHttpRequestException bad:
                return Problems.Of(bad.StatusCode, "request.malformed", FirstLine(bad.Message));
            default:
                return Problems.Of(500, "server.error", "Something went wrong on our side; nothing was written.");
        }
    }

    private static ProblemDetails StaleVersionProblem(long? current)
    {
        var problem = Problems.Of(409, "version.stale", "The stream changed since you read it; read it again and retry.");
        if (current is { } version) problem.Extensions["currentVersion"] = version;
        return problem;
    }

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string FirstLine(string message) => message.Split('\n')[0].Split(" Path:")[0];

    // The serializer's messages name .NET types ("could not be converted to Tracker.Members.RegisterMemberRequest"):
    // a client is told what is wrong with its field instead.
    private static string JsonMessage(JsonException json)
    {
        var message = FirstLine(json.Message);
        if (message.StartsWith("Duplicate property", StringComparison.Ordinal)) return "This field is given more than once.";
        if (message.StartsWith("One of ", StringComparison.Ordinal)) return message; // EnumNamesJsonConverter: the names it takes
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            || message.Contains("could not be converted to", StringComparison.Ordinal))
            return JsonField(json.Path) == "body" ? "The body must be a JSON object of this request's fields." : "The value has the wrong type for this field.";
        // Whatever else the serializer says stays out of the answer when it names how Tracker is built.
        return message.Contains("Tracker.", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal)
            ? "The body is not valid JSON for this request."
            : "The body is not valid JSON: " + message;
    }

    // ASP.NET names a failed parameter with its .NET type: 'Failed to bind parameter "bool? dryRun" from "x".',
    // 'Implicit body inferred for parameter "body" but no body was provided.' The client gets the name alone.
    private static string? BoundParameter(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "parameter \"(?:[^\"]* )?(\\w+)\"");
        if (!match.Success) return null;
        var name = match.Groups[1].Value;
        return message.Contains("body", StringComparison.OrdinalIgnoreCase) && !message.Contains(" from \"", StringComparison.Ordinal) ? "body" : name;
    }
}

/// <summary>Builders for problem details, so every slice names fields and codes the same way.</summary>
public static class Problems
{
    /// <summary>A problem with a status and a stable code.</summary>
    public static ProblemDetails Of(int status, string code, string detail) => new()
    {
        Status = status,
        Title = ReasonPhrases(status),
        Detail = detail,
        Type = $"https://tracker.example/problems/{code}",
        Extensions = { ["code"] = code },
    };

    /// <summary>400 naming the invalid field.</summary>
    public static HttpValidationProblemDetails Validation(string field, string message, string code = "request.invalid") =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, code);

    /// <summary>400 naming every invalid field.</summary>
    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors, string code = "request.invalid") => new(errors)
    {
        Status = 400,
        Title = "One or more fields are invalid.",
        Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        Type = $"https://tracker.example/problems/{code}",
        Extensions = { ["code"] = code },
    };

    /// <summary>As an endpoint result.</summary>
    public static ProblemHttpResult Result(ProblemDetails problem) => TypedResults.Problem(problem);

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
