using Tracker.Commitments;
using Tracker.Infrastructure;

namespace Tracker.Tests.Commitments;

/// <summary>The decision that keeps the cells a source published about a commitment, called by the OGP import.</summary>
public class recording_source_cells
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Caller Admin = new("admin-1", TrackerRole.Admin, null);

    private static readonly Commitment Gh0040 = Commitment.Create(new CommitmentRegistered(Guid.CreateVersion7(), Guid.CreateVersion7(), "GH0040", "1",
        new CommitmentText("Beneficial ownership", null, null, Guid.CreateVersion7(), [], null, null, null, [], []), null, "admin-1", Now));

    private static readonly Dictionary<string, SourceCell> Cells = new()
    {
        ["URL"] = new("https://opengovpartnership.org/members/ghana/commitments/gh0040", ""),
        ["Potential for Results"] = new("Modest", ""),
    };

    [Fact]
    public void cells_are_recorded_with_where_they_come_from()
    {
        var recorded = RecordSourceCellsHandler.Decide(new RecordSourceCells(Gh0040.Id, "OGP/IRM file, line 2", Cells, Admin), Gh0040, Now)
            .ShouldHaveSingleItem().ShouldBeOfType<CommitmentSourceCellsRecorded>();

        recorded.Source.ShouldBe("OGP/IRM file, line 2");
        recorded.Cells.ShouldBe(Cells, ignoreOrder: true);
        Gh0040.Apply(recorded).SourceCells["Potential for Results"].Published.ShouldBe("Modest");
    }

    [Fact]
    public void cells_already_held_as_they_are_append_nothing()
    {
        var recorded = (CommitmentSourceCellsRecorded)RecordSourceCellsHandler.Decide(new RecordSourceCells(Gh0040.Id, "OGP/IRM file, line 2", Cells, Admin), Gh0040, Now).Single();

        RecordSourceCellsHandler.Decide(new RecordSourceCells(Gh0040.Id, "OGP/IRM file, line 9", Cells, Admin), Gh0040.Apply(recorded), Now).ShouldBeEmpty();
    }

    [Fact]
    public void only_an_admin_records_and_no_cell_holds_a_nul()
    {
        Should.Throw<TrackerRuleBroken>(() => RecordSourceCellsHandler.Decide(new RecordSourceCells(Gh0040.Id, "file", Cells,
            new Caller("reviewer-1", TrackerRole.Reviewer, null)), Gh0040, Now));
        Should.Throw<TrackerRuleBroken>(() => RecordSourceCellsHandler.Decide(new RecordSourceCells(Gh0040.Id, "file",
            new Dictionary<string, SourceCell> { ["Theme"] = new("Open\0data", "") }, Admin), Gh0040, Now)).Code.ShouldBe("source_cells.cell");
    }
}
