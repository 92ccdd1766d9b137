using System.Globalization;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.OpenData;

/// <summary>
/// The OGP file's columns of the IRM's method since 2021, to and from the Action Plan Review and the Results Report
/// (pure). How the file writes them, and the sample rows that pin each, is in docs/open-data.md.
/// </summary>
public static class CurrentMethodColumns
{
    /// <summary>
    /// Whether a row was assessed by the current method: its <c>Potential for Results</c> is a level of that scale. The
    /// IRM rates it only in an Action Plan Review (GH0029 … PY0082, and the 2020–2022 plans NL0039, UA0087 … UA0100); it is
    /// ND in every row reviewed by the 2011–2020 method and NR in rows not reviewed at all.
    /// </summary>
    public static bool IsCurrentMethod(string potentialForResults) => CurrentMethodScales.PotentialForResults.TryRead(potentialForResults, out _);

    /// <summary>The codes a <c>Cluster Commitment ID(s)</c> cell lists ("PY0080, PY0081"), in code order.</summary>
    public static IReadOnlyList<string> ClusterCodes(string cell) =>
        [.. cell.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];

    /// <summary>The 2011–2020 completion a Results Report's completion is, for the columns both methods share; "no evidence available" is no level.</summary>
    public static Rated<Completion> AsCompletion(Rated<ResultsCompletion> completion) => completion.State switch
    {
        RatingState.NotApplicable => Rated.NotApplicable<Completion>(),
        RatingState.Assessed when completion.Value != ResultsCompletion.NoEvidenceAvailable =>
            Rated.Of(completion.Value switch
            {
                ResultsCompletion.NotStarted => Completion.NotStarted,
                ResultsCompletion.Limited => Completion.Limited,
                ResultsCompletion.Substantial => Completion.Substantial,
                _ => Completion.Complete,
            }),
        _ => Rated.NotAssessed<Completion>(),
    };

    /// <summary>
    /// Writes the current method's columns into <paramref name="cells"/> (the rating columns of <see cref="OgpRatings.Cells"/>):
    /// verifiable, potential for results and the cluster from the Action Plan Review; completion and early results from
    /// the Results Report. A row the method did not review writes ND where any report reviewed it, else NR, as the file does.
    /// </summary>
    public static void Write(Dictionary<string, string> cells, IrmAssessments assessments, bool reviewed, bool endOfTermReviewed)
    {
        var noReview = reviewed ? IrmCells.NoData : IrmCells.NotReviewed;
        if (assessments.ActionPlanReview is { } review)
        {
            var potential = In<PotentialForResults>(review, Indicator.PotentialForResults);
            cells[OgpColumns.Verifiable] = IrmCells.FormatYesNo(In<bool>(review, Indicator.Verifiable));
            cells[OgpColumns.PotentialForResults] = Format(CurrentMethodScales.PotentialForResults, potential);
            cells[OgpColumns.PotentialForResultsNumber] = potential.Match(level => Number((int)level), IrmCells.NoData, IrmCells.NotApplicableCode);
            cells[OgpColumns.ClusterAssessed] = assessments.Cluster is null ? "0" : "1";
            cells[OgpColumns.ClusterCommitments] = assessments.Cluster is { } codes ? string.Join(", ", codes) : IrmCells.NotApplicableCode;
        }
        else
        {
            foreach (var column in new[] { OgpColumns.PotentialForResults, OgpColumns.PotentialForResultsNumber, OgpColumns.ClusterAssessed, OgpColumns.ClusterCommitments })
                cells[column] = noReview;
        }

        var earlyResultsNone = endOfTermReviewed ? IrmCells.NoData : IrmCells.NotReviewed;
        (cells[OgpColumns.EarlyResults], cells[OgpColumns.EarlyResultsNumber]) = (earlyResultsNone, earlyResultsNone);
        if (assessments.ResultsReport is not { } results) return;

        var completion = In<ResultsCompletion>(results, Indicator.ResultsCompletion);
        if (completion is { IsAssessed: true, Value: ResultsCompletion.NoEvidenceAvailable } && !IsLevel(cells[OgpColumns.EndOfTermCompletion]))
        {
            // The file's "Unclear", numbered 1 below Not Started's 2 (as PY0052 numbers it).
            cells[OgpColumns.EndOfTermCompletion] = CurrentMethodScales.Completion.Cell(ResultsCompletion.NoEvidenceAvailable);
            cells[OgpColumns.EndOfTermCompletionNumber] = "1";
        }

        var early = In<EarlyResults>(results, Indicator.EarlyResults);
        if (early is { IsAssessed: true, Value: EarlyResults.NoneToReportYet })
        {
            // The file writes "no early results to report yet" in "Did it open government?", numbered 1 (UA0088, UA0090,
            // UA0093, UA0100), and leaves Early Results ND; a report that also rates "did it open government?" keeps its level.
            if (!IsLevel(cells[OgpColumns.OpenGovernment]))
            {
                cells[OgpColumns.OpenGovernment] = CurrentMethodScales.EarlyResults.Cell(EarlyResults.NoneToReportYet);
                cells[OgpColumns.OpenGovernmentNumber] = "1";
            }
        }
        else if (early.State != RatingState.NotAssessed)
        {
            // No row of the sample numbers an early result: the number is left empty rather than invented.
            cells[OgpColumns.EarlyResults] = Format(CurrentMethodScales.EarlyResults, early);
            cells[OgpColumns.EarlyResultsNumber] = early.IsAssessed ? "" : IrmCells.NotApplicableCode;
        }
    }

    private static Rated<T> In<T>(IReadOnlyDictionary<Indicator, Score> report, Indicator indicator) where T : notnull =>
        report.GetValueOrDefault(indicator) is { } score ? score.As<T>() : Score.Without(indicator, RatingState.NotAssessed).As<T>();

    private static string Format<T>(VersionedScale<T> scale, Rated<T> rated) where T : struct, Enum =>
        rated.Match(scale.Cell, IrmCells.NoData, IrmCells.NotApplicableCode);

    private static bool IsLevel(string cell) => cell is not (IrmCells.NoData or IrmCells.NotReviewed or IrmCells.NotApplicableCode or "");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
