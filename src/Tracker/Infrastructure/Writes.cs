using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Marten.Exceptions;
using JasperFx;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wolverine;

namespace Tracker.Infrastructure;

/// <summary>What a successful write answers: status, body, the stream's new version (ETag) and where to read it.</summary>
public sealed record WriteResult(int StatusCode, object Body, long Version, string? Location = null);

/// <summary>What a form's write came to: the new state, or the problem the API would have answered.</summary>
public sealed record WriteOutcome<T>(T? Value, Microsoft.AspNetCore.Mvc.ProblemDetails? Problem) where T : class;

/// <summary>
/// The plumbing every write endpoint shares: <c>If-Match</c> → expected version, <c>Idempotency-Key</c> →
/// replay of the first response, the new version → <c>ETag</c>. Endpoints stay thin: bind, validate, build the
/// command, call <see cref="Send{TResponse}"/>.
/// </summary>
public static class Writes
{
    private const int MaxIdempotencyKeyLength = 200;

    /// <summary>Parses <c>If-Match</c> (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>) into an expected stream version.</summary>
    public static bool TryExpectedVersion(HttpRequest request, out long? version, out HttpValidationProblemDetails? problem)
    {
        version = null;
        problem = null;
        var header = request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return true;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        if (long.TryParse(text, out var parsed) && parsed >= 0)
        {
            version = parsed;
            return true;
        }
        problem = Problems.Validation("If-Match", "If-Match must be the stream version from an ETag, e.g. \"3\".", "request.if_match");
        return false;
    }

    /// <summary>The ETag for a stream version.</summary>
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>
    /// A write to an existing stream: reads the expected version from <c>If-Match</c> (400 naming the header when
    /// malformed), answers 404 when the command's stream does not exist (or is another kind of stream), then sends the
    /// command built with it. This is the one place a write to a missing stream is refused, before any handler runs.
    /// </summary>
    public static async Task<IResult> Update<TAggregate>(HttpContext http, Func<long?, ITrackerWrite> command,
        Func<TAggregate, WriteResult> respond) where TAggregate : class
    {
        if (!TryExpectedVersion(http.Request, out var expected, out var problem)) return Problems.Result(problem!);
        var built = command(expected);
        if (StreamIdOf(built) is { } streamId && await MissingStream<TAggregate>(http, streamId) is { } missing) return missing;
        return await Send(http, built, respond);
    }

    /// <summary>404 problem details when no stream of <typeparamref name="TAggregate"/> has <paramref name="streamId"/>; null when it exists.</summary>
    public static async Task<IResult?> MissingStream<TAggregate>(HttpContext http, Guid streamId) =>
        await MissingStreamProblem<TAggregate>(http, streamId) is { } problem ? Problems.Result(problem) : null;

    private static async Task<Microsoft.AspNetCore.Mvc.ProblemDetails?> MissingStreamProblem<TAggregate>(HttpContext http, Guid streamId)
    {
        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var state = await session.Events.FetchStreamStateAsync(streamId, http.RequestAborted);
        if (state is not null && (state.AggregateType is null || state.AggregateType == typeof(TAggregate))) return null;
        var kind = StreamKind<TAggregate>();
        return Problems.Of(404, $"{kind}.not_found", $"No {kind.Replace('_', ' ')} with id '{streamId}'.");
    }

    /// <summary>
    /// The write a page's form makes: the same command through the same bus and checks as <see cref="Update{TAggregate}"/>
    /// (404 for a missing stream, the handler's rules, 409 for a stale version), but a refusal comes back as the problem
    /// details the API would have answered, so the page can show each error beside its field. Failures that are not
    /// refusals (500) still throw.
    /// </summary>
    public static async Task<WriteOutcome<TAggregate>> Attempt<TAggregate>(HttpContext http, ITrackerWrite command) where TAggregate : class
    {
        if (StreamIdOf(command) is { } streamId && await MissingStreamProblem<TAggregate>(http, streamId) is { } missing)
            return new(null, missing);
        return await Refusable<TAggregate>(http, command);
    }

    /// <summary>
    /// The write a page's form makes that starts a stream (a registration): the same command through the same bus as the
    /// API's, a refusal coming back as the API's problem details (see <see cref="Attempt{TAggregate}"/>).
    /// </summary>
    public static Task<WriteOutcome<StreamStarted>> AttemptStart(HttpContext http, ITrackerCommand command) => Refusable<StreamStarted>(http, command);

    private static async Task<WriteOutcome<TResponse>> Refusable<TResponse>(HttpContext http, ITrackerWrite command) where TResponse : class
    {
        var bus = http.RequestServices.GetRequiredService<IMessageBus>();
        var store = http.RequestServices.GetRequiredService<IDocumentStore>();
        try
        {
            return new(await Invoke<TResponse>(bus, store, command, CommandMetadata.For((command as ITrackerCommand)?.Caller, null), http.RequestAborted), null);
        }
        catch (Exception refused) when (ProblemsExceptionHandler.ToProblem(refused) is { Status: < 500 })
        {
            return new(null, ProblemsExceptionHandler.ToProblem(refused));
        }
    }

    // The name a stream's kind goes by in problem codes: "milestone", "plan", "report" …
    private static string StreamKind<TAggregate>() => typeof(TAggregate).Name switch
    {
        "ReviewReport" => "report",
        var name => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    /// <summary>
    /// Sends <paramref name="command"/> through Wolverine and answers with <paramref name="respond"/>'s result,
    /// honouring <c>Idempotency-Key</c>.
    /// </summary>
    public static async Task<IResult> Send<TResponse>(HttpContext http, ITrackerWrite command,
        Func<TResponse, WriteResult> respond) where TResponse : class
    {
        var ct = http.RequestAborted;
        var bus = http.RequestServices.GetRequiredService<IMessageBus>();
        var store = http.RequestServices.GetRequiredService<IDocumentStore>();
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var caller = (command as ITrackerCommand)?.Caller;

        var clientKey = http.Request.Headers["Idempotency-Key"].ToString();
        if (http.Request.Headers.ContainsKey("Idempotency-Key") && string.IsNullOrWhiteSpace(clientKey))
            return Problems.Result(Problems.Validation("Idempotency-Key", "A blank Idempotency-Key protects nothing: send a key, or no header.", "request.idempotency_key"));
        if (clientKey.Length > MaxIdempotencyKeyLength)
            return Problems.Result(Problems.Validation("Idempotency-Key", $"At most {MaxIdempotencyKeyLength} characters.", "request.idempotency_key"));
        if (clientKey.Length == 0)
            return Answer(http, respond(await Invoke<TResponse>(bus, store, command, CommandMetadata.For(caller, null), ct)), json);

        var key = IdempotencyScope(caller, clientKey);
        var fingerprint = await Fingerprint(http.Request, ct);
        var options = CommandMetadata.For(caller, key, fingerprint);
        TResponse? response = null;
        for (var attempt = 1; response is null; attempt++)
        {
            try
            {
                // The command always runs first, so the caller's right on the object is checked before anything is replayed;
                // a retry that the handler accepts fails at commit on the key reserved by the first request, and appends nothing.
                response = await Invoke<TResponse>(bus, store, command, options, ct);
            }
            catch (DocumentAlreadyExistsException duplicate) when (UniqueCodes.Refusal(duplicate) is null)
            {
                if (await Replay(http, store, key, fingerprint, ct) is { } replayed) return replayed;
                var reservation = await IdempotencyReservations.Abandoned<TResponse>(http, store, key, fingerprint, ct);
                if (reservation is IdempotencyReservations.Rebuilt<TResponse> rebuilt)
                {
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    response = rebuilt.FirstResponse;
                }
                else if (reservation is IdempotencyReservations.KeyReused)
                    return Problems.Result(Problems.Of(422, "idempotency.key_reused", "This Idempotency-Key was used for a different request."));
                else if (reservation is not IdempotencyReservations.Released || attempt > 1)
                {
                    if (reservation is IdempotencyReservations.Pending pending)
                        http.Response.Headers.RetryAfter = pending.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Problems.Result(Problems.Of(409, "idempotency.in_progress",
                        "A request with this Idempotency-Key is still being processed; retry after the time in Retry-After."));
                }
            }
            catch (Exception refused) when (refused is StaleVersion or TrackerRuleBroken { Kind: RuleKind.Conflict or RuleKind.Unprocessable or RuleKind.InvalidField })
            {
                // A retry of a request that succeeded can be refused by the state that request left behind (the version it
                // moved, the stream it started): the first answer stands, rebuilt from its events if it died before storing it.
                // Refusals of right (403) and existence (404) never replay.
                if (await Replay(http, store, key, fingerprint, ct) is { } replayed) return replayed;
                if (await IdempotencyReservations.Abandoned<TResponse>(http, store, key, fingerprint, ct) is not IdempotencyReservations.Rebuilt<TResponse> rebuilt)
                    throw;
                http.Response.Headers["Idempotent-Replayed"] = "true";
                response = rebuilt.FirstResponse;
            }
        }

        var result = respond(response);
        Failpoints.DieAfterCommit(http);
        await using (var session = store.LightweightSession())
        {
            session.Store(new IdempotentRequest
            {
                Id = key, Fingerprint = fingerprint, StatusCode = result.StatusCode,
                Body = JsonSerializer.Serialize(result.Body, json), ETag = ETag(result.Version), Location = result.Location,
            });
            await session.SaveChangesAsync(ct);
        }
        return Answer(http, result, json);
    }

    /// <summary>
    /// The stored id of a client's Idempotency-Key: a hash over who asks (user id, role, institution) and the key, each
    /// length-prefixed, so no two callers' keys can meet however their ids and keys split, and a key is never replayed
    /// to a caller with other rights than the one who sent it first.
    /// </summary>
    public static string IdempotencyScope(Caller? caller, string clientKey)
    {
        // Anonymous callers (the public comment) share one scope: a key reused by another commenter for another comment is
        // refused as reused, and one reused for the same comment replays a summary that is public anyway.
        var parts = new[] { caller?.UserId ?? CommandMetadata.AnonymousUser, caller?.Role.ToString() ?? "", caller?.InstitutionId?.ToString() ?? "", clientKey };
        var text = string.Concat(parts.Select(p => $"{p.Length}:{p}|"));
        return "idem-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static async Task<TResponse> Invoke<TResponse>(IMessageBus bus, IDocumentStore store, ITrackerWrite command,
        DeliveryOptions options, CancellationToken ct)
    {
        try
        {
            return await RetryingLostRaces<TResponse>(bus, command, options, ct);
        }
        catch (ConcurrencyException lost) when (((lost.Id as Guid?) ?? StreamIdOf(command)) is { } streamId)
        {
            // A race lost at commit: answer with the stream's current version. Marten names the stream when it can
            // parse PostgreSQL's message; otherwise the command does.
            await using var session = store.QuerySession();
            var state = await session.Events.FetchStreamStateAsync(streamId, ct);
            throw new StaleVersion(streamId, state?.Version ?? 0, -1);
        }
    }

    private const int LostRaceAttempts = 16;

    /// <summary>
    /// Invokes <paramref name="command"/>; when it carries no expected version (the client sent no If-Match) and loses a
    /// race at commit, runs it again on the state the winner left, after a short random pause that spreads the racers out.
    /// The lost attempt rolled back whole (events, documents, idempotency reservation), so a retry appends once. A command
    /// with an expected version is never retried: the client asked for that version, and gets 409 with the current one.
    /// </summary>
    public static async Task<TResponse> RetryingLostRaces<TResponse>(IMessageBus bus, object command, DeliveryOptions? options, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return options is null ? await bus.InvokeAsync<TResponse>(command, ct) : await bus.InvokeAsync<TResponse>(command, options, ct);
            }
            catch (ConcurrencyException) when (attempt < LostRaceAttempts && ExpectedVersionOf(command) is null)
            {
                var pause = Random.Shared.Next(1, 5 << Math.Min(attempt, 7));
                await Task.Delay(TimeSpan.FromMilliseconds(pause), ct);
            }
        }
    }

    // The version a command expects (from If-Match), by the convention of every command that takes one.
    private static long? ExpectedVersionOf(object command) =>
        command.GetType().GetProperty("ExpectedVersion")?.GetValue(command) as long?;

    // Wolverine's own convention for the aggregate id: the member marked [Identity], else the first Guid "…Id".
    internal static Guid? StreamIdOf(ITrackerWrite command)
    {
        var properties = command.GetType().GetProperties().Where(p => p.PropertyType == typeof(Guid)).ToList();
        var identity = properties.FirstOrDefault(p => p.GetCustomAttributes(typeof(IdentityAttribute), true).Length > 0)
                       ?? properties.FirstOrDefault(p => p.Name.EndsWith("Id", StringComparison.Ordinal));
        return identity?.GetValue(command) as Guid?;
    }

    private static async Task<IResult?> Replay(HttpContext http, IDocumentStore store, string key, string fingerprint,
        CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var seen = await session.LoadAsync<IdempotentRequest>(key, ct);
        if (seen?.StatusCode is not { } status) return null;
        if (seen.Fingerprint != fingerprint)
            return Problems.Result(Problems.Of(422, "idempotency.key_reused",
                "This Idempotency-Key was used for a different request."));
        if (seen.ETag is { } etag) http.Response.Headers.ETag = etag;
        if (seen.Location is { } location) http.Response.Headers.Location = location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Text(seen.Body ?? "{}", "application/json", Encoding.UTF8, status);
    }

    private static IResult Answer(HttpContext http, WriteResult result, JsonSerializerOptions json)
    {
        http.Response.Headers.ETag = ETag(result.Version);
        if (result.Location is { } location) http.Response.Headers.Location = location;
        return Results.Json(result.Body, json, statusCode: result.StatusCode);
    }

    // The request as the client sent it (method, path, body): a retry matches even though the command it
    // builds carries freshly generated ids.
    private static async Task<string> Fingerprint(HttpRequest request, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Middleware: buffers write bodies so the idempotency fingerprint can read them after binding.</summary>
    public static IApplicationBuilder UseReplayableWriteBodies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.ContainsKey("Idempotency-Key"))
                context.Request.EnableBuffering();
            return next(context);
        });
}
