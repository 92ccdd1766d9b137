namespace Tracker.Infrastructure;

/// <summary>How a broken rule surfaces over HTTP.</summary>
public enum RuleKind
{
    /// <summary>The object does not exist (404).</summary>
    NotFound,
    /// <summary>The caller may not do this to this object (403).</summary>
    Forbidden,
    /// <summary>The object's state forbids it (409), e.g. a published report.</summary>
    Conflict,
    /// <summary>The request is well-formed but the domain refuses it (422).</summary>
    Unprocessable,
    /// <summary>A field of the request is invalid (400), found only once the stream was read.</summary>
    InvalidField,
}

/// <summary>The one domain exception: a rule the request breaks, with a stable code that clients and tests rely on.</summary>
public sealed class TrackerRuleBroken(string code, string message, RuleKind kind = RuleKind.Unprocessable, string? field = null)
    : Exception(message)
{
    /// <summary>Stable machine-readable code, e.g. <c>milestone.withdrawn</c>.</summary>
    public string Code { get; } = code;

    /// <summary>How the rule maps to an HTTP status.</summary>
    public RuleKind Kind { get; } = kind;

    /// <summary>The request field at fault, when there is one.</summary>
    public string? Field { get; } = field;

    /// <summary>The object does not exist.</summary>
    public static TrackerRuleBroken NotFound(string what, object id) =>
        new($"{what}.not_found", $"No {what} with id '{id}'.", RuleKind.NotFound);

    /// <summary>The caller lacks the right on this object.</summary>
    public static TrackerRuleBroken Forbidden(string code, string message) => new(code, message, RuleKind.Forbidden);

    /// <summary>A field is invalid in the light of the stored state (e.g. a date outside the plan period).</summary>
    public static TrackerRuleBroken InvalidField(string field, string code, string message) =>
        new(code, message, RuleKind.InvalidField, field);
}

/// <summary>The caller's expected version (If-Match) is not the stream's version: 409 with the current version.</summary>
public sealed class StaleVersion(Guid streamId, long currentVersion, long expectedVersion)
    : Exception($"Expected version {expectedVersion} of stream {streamId}, but it is at {currentVersion}.")
{
    /// <summary>The stream.</summary>
    public Guid StreamId { get; } = streamId;
    /// <summary>Its version now.</summary>
    public long CurrentVersion { get; } = currentVersion;

    /// <summary>Refuses unless <paramref name="expected"/> (when given) is <paramref name="current"/>.</summary>
    public static void Check(Guid streamId, long current, long? expected)
    {
        if (expected is { } version && version != current) throw new StaleVersion(streamId, current, version);
    }
}
