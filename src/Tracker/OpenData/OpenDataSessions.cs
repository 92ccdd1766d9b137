using Marten;
using Tracker.Infrastructure;

namespace Tracker.OpenData;

/// <summary>Sessions for the open-data commands, which write through Marten directly rather than through Wolverine.</summary>
public static class OpenDataSessions
{
    /// <summary>A session whose events record who did it, in Marten's event metadata, as CommandMetadata records it for commands.</summary>
    public static IDocumentSession Open(IDocumentStore store, string userId)
    {
        var session = store.LightweightSession();
        session.SetHeader("userId", userId);
        session.SetHeader("role", nameof(TrackerRole.Admin));
        session.LastModifiedBy = userId;
        return session;
    }
}
