namespace Tracker.Infrastructure;

/// <summary>The day as the application's clock (<see cref="TimeProvider"/>) has it: never the wall clock, so tests control it.</summary>
public static class Days
{
    /// <summary>Today in UTC by <paramref name="clock"/>.</summary>
    public static DateOnly Of(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Today in UTC by the clock the request's host registered.</summary>
    public static DateOnly Today(this HttpContext http) => Of(http.RequestServices.GetRequiredService<TimeProvider>());

    /// <summary>The day an as-of read is judged on: the as-of instant's day, or today.</summary>
    public static DateOnly AsOfDay(DateTimeOffset? asOf, TimeProvider clock) => asOf is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : Of(clock);
}
