namespace Tracker.Infrastructure;

/// <summary>Where Tracker's PostgreSQL is: <c>TRACKER_DB</c> wins over <c>ConnectionStrings:Tracker</c>.</summary>
public static class TrackerDatabase
{
    /// <summary>The schema that holds every Tracker table (events, documents, Wolverine's envelopes).</summary>
    public const string Schema = "tracker";

    /// <summary>Resolves the connection string, or explains where to put one.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration["TRACKER_DB"] is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : configuration.GetConnectionString("Tracker") is { Length: > 0 } configured
                ? configured
                : throw new InvalidOperationException(
                    "No database configured: set TRACKER_DB or ConnectionStrings:Tracker (see README.md).");
}
