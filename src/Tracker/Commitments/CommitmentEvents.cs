using System.Text.Json.Serialization;
using Tracker.Ratings;

namespace Tracker.Commitments;

/// <summary>What a commitment says: the parts that registration sets and a revision may change.</summary>
/// <param name="Title">The commitment's title, as the plan writes it.</param>
/// <param name="ShortTitle">The IRM's short title.</param>
/// <param name="FullText">The commitment text from the action plan.</param>
/// <param name="LeadInstitutionId">
/// The institution that leads it (its ministry staff report progress); <see cref="LeadNotNamed"/> when the plan names
/// none (the IRM's <c>NA</c>): recorded as such, never an invented institution.
/// </param>
/// <param name="SupportingInstitutionIds">Registered supporting institutions (government and civil society).</param>
/// <param name="SupportingInstitutionsText">Supporting institutions as the plan names them, where they are not registered.</param>
/// <param name="Start">Start date of implementation.</param>
/// <param name="End">End date of implementation.</param>
/// <param name="PolicyAreas">Policy-area tags, e.g. "Open Data", "Public Participation".</param>
/// <param name="ClaimedValues">The OGP values the government claims for it.</param>
/// <param name="CoLeadInstitutionIds">
/// Institutions that lead it beside the lead, in the plan's order (a plan may name several leads in one cell); null in
/// events recorded before co-leads existed.
/// </param>
public sealed record CommitmentText(string Title, string? ShortTitle, string? FullText, Guid LeadInstitutionId,
    IReadOnlyList<Guid> SupportingInstitutionIds, string? SupportingInstitutionsText, DateOnly? Start, DateOnly? End,
    IReadOnlyList<string> PolicyAreas, IReadOnlyList<OgpValue> ClaimedValues, IReadOnlyList<Guid>? CoLeadInstitutionIds = null)
{
    /// <summary>The lead of a commitment whose plan names none.</summary>
    public static readonly Guid LeadNotNamed = Guid.Empty;

    /// <summary>Whether the plan names a lead institution.</summary>
    [JsonIgnore]
    public bool NamesLead => LeadInstitutionId != LeadNotNamed;

    /// <summary>The co-leads, none for events recorded before they existed.</summary>
    [JsonIgnore]
    public IReadOnlyList<Guid> CoLeads => CoLeadInstitutionIds ?? [];
}

/// <summary>A commitment of a plan was registered under its public code (e.g. NL0025).</summary>
public sealed record CommitmentRegistered(Guid CommitmentId, Guid PlanId, string Code, string Number, CommitmentText Text,
    string? CarriedForwardFrom, string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>The commitment's text, institutions, dates, tags or values were revised, with the reason.</summary>
public sealed record CommitmentRevised(Guid CommitmentId, Guid PlanId, CommitmentText Text, string Reason, string RevisedBy, DateTimeOffset RevisedAt);

/// <summary>The commitment was withdrawn from the plan.</summary>
public sealed record CommitmentWithdrawn(Guid CommitmentId, Guid PlanId, string Reason, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>The commitment was placed in a cluster (the IRM groups related commitments and rates them together).</summary>
public sealed record CommitmentClustered(Guid CommitmentId, Guid PlanId, string Cluster, string ClusteredBy, DateTimeOffset ClusteredAt);

/// <summary>
/// Cells a source published about the commitment that Tracker does not model, or that it reads into something it
/// cannot write back the same way (an OGP file's <c>Theme</c>, <c>URL</c>, an IRM column of the current method, a lead
/// institution cell listing several bodies). Kept as facts so an export gives back what was published.
/// </summary>
/// <param name="Source">Where they come from: the file and its line.</param>
/// <param name="Cells">By column: what the source published, and what Tracker made of it then.</param>
public sealed record CommitmentSourceCellsRecorded(Guid CommitmentId, Guid PlanId, string Source, IReadOnlyDictionary<string, SourceCell> Cells,
    string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>One published cell: as the source wrote it, and as Tracker would write it from its own events at the time (empty when it models nothing there).</summary>
public sealed record SourceCell(string Published, string AsRead);
