using Tracker.Ratings;

namespace Tracker.OpenData.Importing;

/// <summary>
/// The import's consistency section (pure): every computed column (<see cref="OgpSourceCells.Computed"/>) where the
/// file's cell says something else than Tracker's computation from the row's assessments, with both values.
/// </summary>
public static class OgpConsistency
{
    /// <summary>The differences of one row read as <paramref name="commitment"/>, on <paramref name="today"/> (for Active Commitment).</summary>
    public static IEnumerable<RatingDifference> Differences(OgpRow row, OgpCommitment commitment, DateOnly today)
    {
        var computed = new Dictionary<string, string>(OgpRatings.Cells(commitment.Assessments));
        foreach (var (column, cell) in IrmSummaryColumns.Cells(computed, commitment.Plan.PeriodEnd, today)) computed[column] = cell;
        foreach (var column in OgpColumns.All.Where(c => OgpSourceCells.Computed.Contains(c) && row.Has(c)))
        {
            if (!OgpRatings.SameRating(row[column], computed[column]))
                yield return new RatingDifference(row.Line, commitment.Code, column, row[column].Trim(), computed[column]);
        }
    }
}
