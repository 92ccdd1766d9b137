using Tracker.Ratings;

namespace Tracker.Commitments;

/// <summary>What a commitment says: the parts that registration sets and a revision may change.</summary>
/// <param name="Title">The commitment's title, as the plan writes it.</param>
/// <param name="ShortTitle">The IRM's short title.</param>
/// <param name="FullText">The commitment text from the action plan.</param>
/// <param name="LeadInstitutionId">The institution that leads it (its ministry staff report progress).</param>
/// <param name="SupportingInstitutionIds">Registered supporting institutions (government and civil society).</param>
/// <param name="SupportingInstitutionsText">Supporting institutions as the plan names them, where they are not registered.</param>
/// <param name="Start">Start date of implementation.</param>
/// <param name="End">End date of implementation.</param>
/// <param name="PolicyAreas">Policy-area tags, e.g. "Open Data", "Public Participation".</param>
/// <param name="ClaimedValues">The OGP values the government claims for it.</param>
public sealed record CommitmentText(string Title, string? ShortTitle, string? FullText, Guid LeadInstitutionId,
    IReadOnlyList<Guid> SupportingInstitutionIds, string? SupportingInstitutionsText, DateOnly? Start, DateOnly? End,
    IReadOnlyList<string> PolicyAreas, IReadOnlyList<OgpValue> ClaimedValues);

/// <summary>A commitment of a plan was registered under its public code (e.g. NL0025).</summary>
public sealed record CommitmentRegistered(Guid CommitmentId, Guid PlanId, string Code, string Number, CommitmentText Text,
    string? CarriedForwardFrom, string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>The commitment's text, institutions, dates, tags or values were revised, with the reason.</summary>
public sealed record CommitmentRevised(Guid CommitmentId, Guid PlanId, CommitmentText Text, string Reason, string RevisedBy, DateTimeOffset RevisedAt);

/// <summary>The commitment was withdrawn from the plan.</summary>
public sealed record CommitmentWithdrawn(Guid CommitmentId, Guid PlanId, string Reason, string WithdrawnBy, DateTimeOffset WithdrawnAt);

/// <summary>The commitment was placed in a cluster (the IRM groups related commitments and rates them together).</summary>
public sealed record CommitmentClustered(Guid CommitmentId, Guid PlanId, string Cluster, string ClusteredBy, DateTimeOffset ClusteredAt);
