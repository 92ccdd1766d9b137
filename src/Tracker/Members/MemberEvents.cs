namespace Tracker.Members;

/// <summary>Whether a member is a country or a locality, as OGP's "National Or Local" column says.</summary>
public enum MemberKind
{
    /// <summary>A country (national government).</summary>
    National,
    /// <summary>A locality (subnational government).</summary>
    Local,
    /// <summary>A locality of OGP's first subnational pilot (2016–2020), which OGP lists as "Legacy Local".</summary>
    LegacyLocal,
    /// <summary>A member OGP lists as neither (its "Other").</summary>
    Other,
}

/// <summary>A member of OGP (a country or a locality) was registered.</summary>
/// <param name="Code">The prefix of its commitment codes, as OGP writes them: <c>NL</c> for NL0025.</param>
public sealed record MemberRegistered(Guid MemberId, string Name, string Code, MemberKind Kind, string? Region,
    string RegisteredBy, DateTimeOffset RegisteredAt);
