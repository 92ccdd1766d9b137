using System.Globalization;
using Tracker.Ratings;

namespace Tracker.OpenData;

/// <summary>
/// The IRM's summary columns of the OGP file (<c>Max star</c> … <c>IRM-Based Score</c>, <c>Active Commitment</c>),
/// computed as the IRM computes them: from the commitment's rating columns (the stars, completions, "did it open
/// government?", High Ambition and High Completion), which Tracker computes itself from the published assessments
/// (<see cref="OgpRatings"/>). Pure. Each definition, with the sample rows that pin it, is in docs/open-data.md.
/// </summary>
public static class IrmSummaryColumns
{
    /// <summary>The summary columns, in the file's order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        ActiveCommitment, MaxStar, AmbitionAssessed, CompAssessed, DiogAssessed, MidtermOnly, MaxCompletion, HighDiog,
        AmbitiousAndComplete, AmbitiousNotComplete, CompleteNotAmbitious, NeitherCompleteNorAmbitious, Checksum, Score,
        IrmAssessed,
    ];

    public const string ActiveCommitment = "Active Commitment", MaxStar = "Max star", AmbitionAssessed = "Ambition Assessed",
        CompAssessed = "Comp Assessed", DiogAssessed = "DIOG Assessed", MidtermOnly = "Midterm Only", MaxCompletion = "Max Completion",
        HighDiog = "High DIOG", AmbitiousAndComplete = "Ambitious and complete, or DIOG", AmbitiousNotComplete = "Ambitious but not complete",
        CompleteNotAmbitious = "Complete but not ambitious", NeitherCompleteNorAmbitious = "Not complete or ambitious",
        Checksum = "CHECKSUM", Score = "IRM-Based Score", IrmAssessed = "IRM Assessed";

    private const string NotReviewed = IrmCells.NotReviewed, NoData = IrmCells.NoData;

    /// <summary>Every summary column from the rating columns <paramref name="ratings"/> (as <see cref="OgpRatings.Cells"/> writes them) and the plan's end.</summary>
    public static IReadOnlyDictionary<string, string> Cells(IReadOnlyDictionary<string, string> ratings, DateOnly planEnd, DateOnly today)
    {
        string Cell(string column) => ratings.GetValueOrDefault(column, "").Trim();
        var reviewed = Cell(OgpColumns.NotReviewed) != "1";
        var highAmbition = Cell(OgpColumns.HighAmbition);
        var highCompletion = Cell(OgpColumns.HighCompletion) == "1";
        var highDiog = IsHighDiog(Cell(OgpColumns.OpenGovernment));
        var quadrants = Quadrants(highAmbition, highCompletion, highDiog);
        var maxStar = BestStar(Cell(OgpColumns.StarredMidterm), Cell(OgpColumns.StarredEndOfTerm));
        return new Dictionary<string, string>
        {
            [ActiveCommitment] = Flag(IsActive(planEnd, today)),
            [MaxStar] = maxStar,
            [IrmAssessed] = Flag(maxStar != NoData),
            [AmbitionAssessed] = Flag(Cell(OgpColumns.PotentialImpact) != NotReviewed || Cell(OgpColumns.Relevant) != NotReviewed),
            [CompAssessed] = Flag(IsLevel(Cell(OgpColumns.MidtermCompletion)) || IsLevel(Cell(OgpColumns.EndOfTermCompletion))),
            [DiogAssessed] = Flag(IsLevel(Cell(OgpColumns.OpenGovernment))),
            [MidtermOnly] = reviewed ? Flag(!IsLevel(Cell(OgpColumns.EndOfTermCompletion))) : NotReviewed,
            [MaxCompletion] = reviewed ? CompletionSteps(Cell(OgpColumns.RawCompletion)) : NotReviewed,
            [HighDiog] = Flag(highDiog),
            [AmbitiousAndComplete] = Flag(quadrants == Quadrant.AmbitiousAndCompleteOrDiog),
            [AmbitiousNotComplete] = Flag(quadrants == Quadrant.AmbitiousNotComplete),
            [CompleteNotAmbitious] = Flag(quadrants == Quadrant.CompleteNotAmbitious),
            [NeitherCompleteNorAmbitious] = Flag(quadrants == Quadrant.Neither),
            [Checksum] = Number((quadrants == Quadrant.None ? 0 : 1) + (reviewed ? 0 : 1)),
            [Score] = Number(!reviewed ? -1 : quadrants switch
            {
                Quadrant.AmbitiousAndCompleteOrDiog => 4,
                Quadrant.AmbitiousNotComplete => 3,
                Quadrant.CompleteNotAmbitious => 2,
                _ => 1,
            }),
        };
    }

    /// <summary>Where a commitment stands on the IRM's two axes (ambition, completion), a major or outstanding "did it open government?" counting as both.</summary>
    public enum Quadrant
    {
        /// <summary>Ambition not assessed and no high DIOG: in no quadrant (current-method rows, GH0040).</summary>
        None,
        /// <summary>High ambition and high completion, or a major/outstanding DIOG (NL0005, UA0035).</summary>
        AmbitiousAndCompleteOrDiog,
        /// <summary>High ambition, not high completion (PY0009).</summary>
        AmbitiousNotComplete,
        /// <summary>Ambition assessed and not high, high completion (UA0009 … PY0055).</summary>
        CompleteNotAmbitious,
        /// <summary>Ambition assessed and not high, completion not high (NL0003).</summary>
        Neither,
    }

    /// <summary>The quadrant of a commitment from its High Ambition cell (1, 0, or ND/NR when not assessed), High Completion and High DIOG.</summary>
    public static Quadrant Quadrants(string highAmbition, bool highCompletion, bool highDiog) => (highAmbition, highCompletion) switch
    {
        _ when highDiog => Quadrant.AmbitiousAndCompleteOrDiog,
        ("1", true) => Quadrant.AmbitiousAndCompleteOrDiog,
        ("1", false) => Quadrant.AmbitiousNotComplete,
        ("0", true) => Quadrant.CompleteNotAmbitious,
        ("0", false) => Quadrant.Neither,
        _ => Quadrant.None,
    };

    /// <summary>"Max star": the better of the midterm and end-of-term stars that were rated (0 or 1), ND when neither was (GH0040, NL0035).</summary>
    public static string BestStar(string midterm, string endOfTerm) =>
        new[] { midterm, endOfTerm }.Where(s => s is "0" or "1").Max() ?? NoData;

    /// <summary>"High DIOG": "did it open government?" Major or Outstanding (UA0035, PY0016); Marginal and below, or not assessed, are 0.</summary>
    public static bool IsHighDiog(string openGovernment) =>
        IrmCells.TryParseOpenGovernmentEffect(openGovernment, out var effect) && effect.IsAssessed && effect.Value >= OpenGovernmentEffect.Major;

    /// <summary>"Active Commitment": the plan's period has not ended on <paramref name="today"/> (the sample, made in 2024: 2022-2024 plans 1, 2021-2023 plans 0).</summary>
    public static bool IsActive(DateOnly planEnd, DateOnly today) => planEnd >= today;

    /// <summary>"Max Completion": the latest completion (Raw Completion) as steps above Not Started: 0 … 3; ND when no level (PY0052's Unclear).</summary>
    public static string CompletionSteps(string rawCompletion) =>
        int.TryParse(rawCompletion, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) && raw >= 2 ? Number(raw - 2) : NoData;

    // A level of its scale: not ND, NR, NA, empty (nor a text the file writes where no level was given).
    private static bool IsLevel(string cell) => cell.Length > 0 && cell is not (NoData or NotReviewed or IrmCells.NotApplicableCode);

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
