using System.Globalization;
using Marten;

namespace Tracker.Infrastructure;

/// <summary>
/// "As of" reads: time travel on the event store itself (Marten folds the stream's events up to the instant),
/// never on a copy. A bare date means the end of that day, UTC: <c>?asOf=2017-06-30</c> includes all of 30 June.
/// </summary>
public static class AsOf
{
    /// <summary>Parses <c>?asOf=</c>: a date (<c>2017-06-30</c>) or an ISO 8601 timestamp.</summary>
    public static bool TryParse(string? text, out DateTimeOffset? instant, out IResult? problem)
    {
        instant = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // The day's last tick, computed within the day so that 9999-12-31 does not overflow.
            instant = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }
        problem = Problems.Result(Problems.Validation("asOf",
            "Use a date (2017-06-30) or an ISO 8601 timestamp, between 0001-01-01 and 9999-12-31 once turned to UTC.", "request.as_of"));
        return false;
    }

    /// <summary>The stream's state now (its inline document) or as of <paramref name="instant"/>.</summary>
    public static async Task<T?> Load<T>(IQuerySession session, Guid id, DateTimeOffset? instant, CancellationToken ct)
        where T : class =>
        instant is { } at
            ? await session.Events.AggregateStreamAsync<T>(id, timestamp: at.ToUniversalTime(), token: ct)
            : await session.LoadAsync<T>(id, ct);

    /// <summary>Each of <paramref name="current"/> as it stood at <paramref name="instant"/>; streams that did not exist yet drop out.</summary>
    public static async Task<IReadOnlyList<T>> Each<T>(IQuerySession session, IEnumerable<T> current, Func<T, Guid> id,
        DateTimeOffset? instant, CancellationToken ct) where T : class
    {
        if (instant is null) return current.ToList();
        var past = new List<T>();
        foreach (var item in current)
            if (await Load<T>(session, id(item), instant, ct) is { } then) past.Add(then);
        return past;
    }
}
