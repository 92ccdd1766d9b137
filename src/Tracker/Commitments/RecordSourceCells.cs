using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Commitments;

/// <summary>Records the cells a source (an OGP file) published about a commitment that Tracker does not model or cannot write back the same way.</summary>
public sealed record RecordSourceCells(Guid CommitmentId, string Source, IReadOnlyDictionary<string, SourceCell> Cells, Caller Caller) : ITrackerCommand;

/// <summary>Decides a record of source cells.</summary>
public static class RecordSourceCellsHandler
{
    /// <summary>Bounds of what a record holds: the OGP file has 171 columns, and its longest cells are full texts.</summary>
    public const int MaxCells = 300, MaxColumnName = 200, MaxCell = 50_000;

    /// <summary>Only an admin records source cells; cells already held as they are append nothing.</summary>
    public static Events Decide(RecordSourceCells command, Commitment commitment, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        if (command.Cells.Count > MaxCells)
            throw TrackerRuleBroken.InvalidField("cells", "source_cells.too_many", $"{command.Cells.Count} cells; a record holds at most {MaxCells}.");
        foreach (var (column, cell) in command.Cells)
        {
            if (column.Length is 0 or > MaxColumnName || column.Contains('\0'))
                throw TrackerRuleBroken.InvalidField("cells", "source_cells.column", $"A column is named by 1 to {MaxColumnName} characters, without NUL.");
            if (cell.Published.Length > MaxCell || cell.AsRead.Length > MaxCell || cell.Published.Contains('\0') || cell.AsRead.Contains('\0'))
                throw TrackerRuleBroken.InvalidField(column, "source_cells.cell", $"A cell holds at most {MaxCell} characters, without NUL.");
        }
        var changed = command.Cells.Where(c => !commitment.SourceCells.TryGetValue(c.Key, out var held) || held != c.Value)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        if (changed.Count == 0) return [];
        return [new CommitmentSourceCellsRecorded(commitment.Id, commitment.PlanId, command.Source, changed, command.Caller.UserId, now)];
    }

    /// <summary>Appends the decided record.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(RecordSourceCells command, Commitment commitment, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(command, commitment, clock.GetUtcNow()));
}
