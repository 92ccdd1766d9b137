namespace Tracker.Members;

/// <summary>A member as the API shows it (and the fact other decisions check: that it exists, and its code).</summary>
public sealed record Member(Guid Id, string Name, string Code, MemberKind Kind, string? Region, DateTimeOffset RegisteredAt)
{
    /// <summary>The stream version: how many events the stream holds (send it back in If-Match).</summary>
    public long Version { get; set; }

    /// <summary>Starts the member.</summary>
    public static Member Create(MemberRegistered e) => new(e.MemberId, e.Name, e.Code, e.Kind, e.Region, e.RegisteredAt);
}
