using Marten;
using Wolverine;

namespace Tracker.Infrastructure;

/// <summary>A command sent through <see cref="Writes"/>: its caller is recorded and its Idempotency-Key reserved with its events.</summary>
public interface ITrackerWrite;

/// <summary>A command issued by an authenticated caller.</summary>
public interface ITrackerCommand : ITrackerWrite
{
    /// <summary>Who issued it, taken from the bearer token, never from the request body.</summary>
    Caller Caller { get; }
}

/// <summary>
/// Wolverine middleware for every <see cref="ITrackerWrite"/>: records who acted in Marten's event metadata
/// (headers), and reserves the request's Idempotency-Key in the same transaction as the events, so a retried
/// request can never append twice, even when the retries race.
/// </summary>
public static class CommandMetadata
{
    /// <summary>Envelope headers that carry the caller and the caller-scoped idempotency key to the handler.</summary>
    public const string UserHeader = "tracker-user", RoleHeader = "tracker-role", InstitutionHeader = "tracker-institution",
        IdempotencyHeader = "tracker-idempotency-key", FingerprintHeader = "tracker-request-fingerprint";

    /// <summary>Who the metadata names when nobody signed in (the public comment).</summary>
    public const string AnonymousUser = "anonymous";

    /// <summary>The event header (in <c>mt_events.headers</c>) that names the idempotency key of the request that appended it.</summary>
    public const string IdempotencyEventHeader = "idempotencyKey";

    /// <summary>The envelope options that carry <paramref name="caller"/> (and an idempotency key) to the handler.</summary>
    public static DeliveryOptions For(Caller? caller, string? idempotencyKey, string? fingerprint = null)
    {
        var options = new DeliveryOptions();
        options.Headers[UserHeader] = caller?.UserId ?? AnonymousUser;
        if (caller is not null) options.Headers[RoleHeader] = caller.Role.ToString();
        if (caller?.InstitutionId is { } institution) options.Headers[InstitutionHeader] = institution.ToString();
        if (idempotencyKey is not null) options.Headers[IdempotencyHeader] = idempotencyKey;
        if (fingerprint is not null) options.Headers[FingerprintHeader] = fingerprint;
        return options;
    }

    /// <summary>Runs before the handler, inside its unit of work.</summary>
    public static void Before(Envelope envelope, IDocumentSession session, TimeProvider clock)
    {
        foreach (var (header, name) in new[] { (UserHeader, "userId"), (RoleHeader, "role"), (InstitutionHeader, "institutionId") })
            if (envelope.Headers.TryGetValue(header, out var value) && value is { Length: > 0 })
                session.SetHeader(name, value);
        if (envelope.Headers.TryGetValue(UserHeader, out var user)) session.LastModifiedBy = user;

        // The key also goes on every event the request appends: a retry that finds the reservation without an answer
        // (the first request died between commit and answer) rebuilds the answer from those events.
        if (envelope.Headers.TryGetValue(IdempotencyHeader, out var key) && key is { Length: > 0 })
        {
            session.SetHeader(IdempotencyEventHeader, key);
            envelope.Headers.TryGetValue(FingerprintHeader, out var fingerprint);
            session.Insert(new IdempotentRequest { Id = key, Fingerprint = fingerprint, ReservedAt = clock.GetUtcNow() });
        }
    }
}

/// <summary>
/// A write request seen under an Idempotency-Key. Inserted with the events (so a duplicate insert fails the
/// whole transaction); the response is stored once known, so retries replay it.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>The caller-scoped hash of the client's key (<see cref="Writes.IdempotencyScope"/>).</summary>
    public string Id { get; set; } = "";
    /// <summary>When the request that reserved the key committed (the handler's clock).</summary>
    public DateTimeOffset? ReservedAt { get; set; }
    /// <summary>Hash of the command, so a key reused for a different request is refused.</summary>
    public string? Fingerprint { get; set; }
    /// <summary>The first response's status.</summary>
    public int? StatusCode { get; set; }
    /// <summary>The first response's JSON body.</summary>
    public string? Body { get; set; }
    /// <summary>The first response's ETag.</summary>
    public string? ETag { get; set; }
    /// <summary>The first response's Location.</summary>
    public string? Location { get; set; }
}
