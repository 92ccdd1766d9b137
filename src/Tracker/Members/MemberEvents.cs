namespace Tracker.Members;

/// <summary>Whether a member is a country or a locality.</summary>
public enum MemberKind
{
    /// <summary>A country (national government).</summary>
    National,
    /// <summary>A locality (subnational government).</summary>
    Local,
}

/// <summary>A member of OGP (a country or a locality) was registered.</summary>
/// <param name="Code">The prefix of its commitment codes, as OGP writes them: <c>NL</c> for NL0025.</param>
public sealed record MemberRegistered(Guid MemberId, string Name, string Code, MemberKind Kind, string? Region,
    string RegisteredBy, DateTimeOffset RegisteredAt);
