using Marten;
using Npgsql;

namespace Tracker.Infrastructure;

/// <summary>
/// What a retry does with an Idempotency-Key that is reserved but has no answer. The reservation commits with the
/// request's events, and the answer is stored just after, so an unanswered reservation is a request that is either
/// answering right now or died between its commit and its answer (killed, or cut off). Once the reservation is older than
/// <c>Tracker:Idempotency:ReservationSeconds</c> (30 s by default, by the host's <see cref="TimeProvider"/>) the first
/// request is taken for dead: its answer is rebuilt from the events that carry its key, or, when it appended none, the
/// reservation is released and the command runs again.
/// </summary>
public static class IdempotencyReservations
{
    /// <summary>What became of the reservation.</summary>
    public abstract record Outcome;

    /// <summary>Younger than the expiry: the first request may still answer.</summary>
    public sealed record Pending(int RetryAfterSeconds) : Outcome;

    /// <summary>Expired, and its events are stored: the first answer, rebuilt from them.</summary>
    public sealed record Rebuilt<TResponse>(TResponse FirstResponse) : Outcome;

    /// <summary>Expired, and the first request appended nothing: the reservation is gone, the command may run again.</summary>
    public sealed record Released : Outcome;

    /// <summary>The key was reserved by a different request.</summary>
    public sealed record KeyReused : Outcome;

    /// <summary>How long a reservation without an answer holds before its request is taken for dead.</summary>
    public static TimeSpan Expiry(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Tracker:Idempotency:ReservationSeconds", 30.0));

    /// <summary>Judges the reservation of <paramref name="key"/>, which has no stored answer.</summary>
    public static async Task<Outcome> Abandoned<TResponse>(HttpContext http, IDocumentStore store, string key, string fingerprint,
        CancellationToken ct) where TResponse : class
    {
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var expiry = Expiry(http.RequestServices.GetRequiredService<IConfiguration>());
        await using var session = store.LightweightSession();
        var reservation = await session.LoadAsync<IdempotentRequest>(key, ct);
        if (reservation is null) return new Released();
        if (reservation.Fingerprint is { } reserved && reserved != fingerprint) return new KeyReused();

        // A reservation made before reservations carried their time has been waiting since before this version started.
        var age = clock.GetUtcNow() - (reservation.ReservedAt ?? DateTimeOffset.MinValue);
        if (age < expiry) return new Pending((int)Math.Ceiling((expiry - age).TotalSeconds));

        var appended = await AppendedUnder(store, key, ct);
        if (appended is { } events)
        {
            if (typeof(TResponse) == typeof(StreamStarted))
                return new Rebuilt<TResponse>((TResponse)(object)new StreamStarted(events.StreamId, events.FirstVersion));
            var state = await session.Events.AggregateStreamAsync<TResponse>(events.StreamId, events.LastVersion, token: ct);
            if (state is not null) return new Rebuilt<TResponse>(state);
        }

        // Released only if it is still the reservation judged here: a second retry may have released it and run already.
        session.DeleteWhere<IdempotentRequest>(r => r.Id == key && r.StatusCode == null && r.ReservedAt == reservation.ReservedAt);
        await session.SaveChangesAsync(ct);
        return new Released();
    }

    private sealed record AppendedEvents(Guid StreamId, long FirstVersion, long LastVersion);

    // The stream the first request wrote, and the versions it wrote there: the events carry its key in their headers.
    private static async Task<AppendedEvents?> AppendedUnder(IDocumentStore store, string key, CancellationToken ct)
    {
        var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select stream_id, min(version), max(version) from {events} where headers ->> @header = @key " +
            "group by stream_id order by max(seq_id) desc limit 1", connection);
        command.Parameters.AddWithValue("header", CommandMetadata.IdempotencyEventHeader);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new AppendedEvents(reader.GetGuid(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
