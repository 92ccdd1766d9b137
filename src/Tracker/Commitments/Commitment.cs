using Tracker.Infrastructure;

namespace Tracker.Commitments;

/// <summary>Where a commitment stands.</summary>
public enum CommitmentStatus
{
    /// <summary>Part of the plan.</summary>
    Active,
    /// <summary>Withdrawn from the plan.</summary>
    Withdrawn,
}

/// <summary>
/// A commitment folded from its stream: the write model (who leads it, its period, whether it was withdrawn)
/// and the core of the commitment page. Stored inline, so a write reads its own result.
/// </summary>
public sealed record Commitment(Guid Id, Guid PlanId, string Code, string Number, CommitmentText Text,
    string? CarriedForwardFrom, string? Cluster, CommitmentStatus Status, string? WithdrawnReason,
    DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The stream version: how many events the stream holds (send it back in If-Match).</summary>
    public long Version { get; set; }

    /// <summary>Cells its source published that Tracker does not model, by column (<see cref="CommitmentSourceCellsRecorded"/>).</summary>
    public IReadOnlyDictionary<string, SourceCell> SourceCells { get; init; } = new Dictionary<string, SourceCell>();

    /// <summary>Where <see cref="SourceCells"/> come from.</summary>
    public string? Source { get; init; }

    /// <summary>Starts the commitment.</summary>
    public static Commitment Create(CommitmentRegistered e) => new(e.CommitmentId, e.PlanId, e.Code, e.Number, e.Text,
        e.CarriedForwardFrom, null, CommitmentStatus.Active, null, e.RegisteredAt, e.RegisteredAt);

    /// <summary>Folds a revision.</summary>
    public Commitment Apply(CommitmentRevised e) => this with { Text = e.Text, UpdatedAt = e.RevisedAt };

    /// <summary>Folds a withdrawal.</summary>
    public Commitment Apply(CommitmentWithdrawn e) =>
        this with { Status = CommitmentStatus.Withdrawn, WithdrawnReason = e.Reason, UpdatedAt = e.WithdrawnAt };

    /// <summary>Folds a clustering.</summary>
    public Commitment Apply(CommitmentClustered e) => this with { Cluster = e.Cluster, UpdatedAt = e.ClusteredAt };

    /// <summary>Folds recorded source cells: a later record of a column replaces the earlier one.</summary>
    public Commitment Apply(CommitmentSourceCellsRecorded e)
    {
        var cells = new Dictionary<string, SourceCell>(SourceCells);
        foreach (var (column, cell) in e.Cells) cells[column] = cell;
        return this with { SourceCells = cells, Source = e.Source, UpdatedAt = e.RecordedAt };
    }

    /// <summary>True when <paramref name="caller"/> is staff of the institution that leads this commitment or of a co-lead.</summary>
    public bool IsLedBy(Caller? caller) =>
        caller is { Role: TrackerRole.Ministry, InstitutionId: { } institution } && IsLedByInstitution(institution);

    /// <summary>True when <paramref name="institution"/> leads this commitment or co-leads it.</summary>
    public bool IsLedByInstitution(Guid? institution) =>
        institution is { } id && id != Guid.Empty && (id == Text.LeadInstitutionId || Text.CoLeads.Contains(id));

    /// <summary>
    /// Private evidence is for admins, the lead institution's staff and the reviewers of the plan (<paramref name="reviewsThePlan"/>:
    /// assigned to one of its reports, see <see cref="PrivateEvidence"/>); never for the public, nor for a reviewer of another plan.
    /// </summary>
    public bool ShowsPrivateEvidenceTo(Caller? caller, bool reviewsThePlan) =>
        caller is { Role: TrackerRole.Admin } || IsLedBy(caller) || (caller is { Role: TrackerRole.Reviewer } && reviewsThePlan);

    /// <summary>Refuses changes to a withdrawn commitment.</summary>
    public void EnsureActive()
    {
        if (Status == CommitmentStatus.Withdrawn)
            throw new TrackerRuleBroken("commitment.withdrawn", $"Commitment {Code} was withdrawn: {WithdrawnReason}", RuleKind.Conflict);
    }
}
