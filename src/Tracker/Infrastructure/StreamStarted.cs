namespace Tracker.Infrastructure;

/// <summary>A stream that a command started: every slice that registers something answers with it.</summary>
public sealed record StreamStarted(Guid Id, long Version);
