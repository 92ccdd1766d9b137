namespace Tracker.Institutions;

/// <summary>What kind of body an institution is.</summary>
public enum InstitutionKind
{
    /// <summary>A ministry, agency or other part of government.</summary>
    Government,
    /// <summary>A parliament or one of its bodies.</summary>
    Parliament,
    /// <summary>A civil society organisation.</summary>
    CivilSociety,
    /// <summary>Anything else (private sector, academia, multilateral).</summary>
    Other,
}

/// <summary>An institution was registered (for a member, or international when MemberId is null).</summary>
public sealed record InstitutionRegistered(Guid InstitutionId, Guid? MemberId, string Name, InstitutionKind Kind,
    string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>An institution as the API shows it: commitments name it as lead or supporter; ministry tokens carry its id.</summary>
public sealed record Institution(Guid Id, Guid? MemberId, string Name, InstitutionKind Kind, DateTimeOffset RegisteredAt)
{
    /// <summary>The stream version: how many events the stream holds (send it back in If-Match).</summary>
    public long Version { get; set; }

    /// <summary>Starts the institution.</summary>
    public static Institution Create(InstitutionRegistered e) => new(e.InstitutionId, e.MemberId, e.Name, e.Kind, e.RegisteredAt);
}
