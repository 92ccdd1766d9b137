using BindingConstraintCode = Tracker.Ratings.BindingConstraint;
using CompletionChangeLevel = Tracker.Ratings.CompletionChange;
using CompletionLevel = Tracker.Ratings.Completion;
using ImpactLevel = Tracker.Ratings.PotentialImpact;
using OpenGovernmentLevel = Tracker.Ratings.OpenGovernmentEffect;
using SpecificityLevel = Tracker.Ratings.Specificity;

namespace Tracker.Ratings;

/// <summary>
/// Cells of the OGP/IRM commitment data (the open-data CSV) to and from rating scales. Matching ignores case and
/// surrounding spaces. "ND" (no data) and "NR" (not reviewed) read as NotAssessed, "NA" as NotApplicable; the
/// formatters write NotAssessed as "ND". An unknown cell is an error (<see cref="FormatException"/>, or false from
/// the <c>TryParse…</c> twin) so that an importer reports the row instead of guessing.
/// </summary>
public static class IrmCells
{
    /// <summary>The IRM code for a rating that is not assessed.</summary>
    public const string NoData = "ND";

    /// <summary>The IRM code for a commitment or indicator that was not reviewed.</summary>
    public const string NotReviewed = "NR";

    /// <summary>The IRM code for a rating that does not apply.</summary>
    public const string NotApplicableCode = "NA";

    private static readonly IReadOnlyDictionary<string, RatingState> Codes = new Dictionary<string, RatingState>(StringComparer.OrdinalIgnoreCase)
    {
        [NoData] = RatingState.NotAssessed,
        [NotReviewed] = RatingState.NotAssessed,
        [NotApplicableCode] = RatingState.NotApplicable,
        ["N/A"] = RatingState.NotApplicable,
        ["Not Applicable"] = RatingState.NotApplicable,
    };

    private static readonly Scale<SpecificityLevel> SpecificityScale = new(nameof(Specificity),
    [
        ("None", SpecificityLevel.None),
        ("Low", SpecificityLevel.Low),
        ("Medium", SpecificityLevel.Medium),
        ("High", SpecificityLevel.High),
    ]);

    private static readonly Scale<ImpactLevel> ImpactScale = new(nameof(PotentialImpact),
    [
        ("None", ImpactLevel.None),
        ("Minor", ImpactLevel.Minor),
        ("Moderate", ImpactLevel.Moderate),
        ("Transformative", ImpactLevel.Transformative),
    ]);

    // "Unclear" appears in `Completion (End Of Term)` (PY0052): the IRM could not determine completion.
    private static readonly Scale<CompletionLevel> CompletionScale = new(nameof(Completion),
    [
        ("Not Started", CompletionLevel.NotStarted),
        ("NotStarted", CompletionLevel.NotStarted),
        ("Limited", CompletionLevel.Limited),
        ("Substantial", CompletionLevel.Substantial),
        ("Complete", CompletionLevel.Complete),
        ("Completed", CompletionLevel.Complete),
        ("Withdrawn", CompletionLevel.Withdrawn),
    ],
    notAssessed: ["Unclear"]);

    // "Worsens" is how the full IRM export spells Worsened; "No early results to report yet" is a not-yet rating.
    private static readonly Scale<OpenGovernmentLevel> OpenGovernmentScale = new(nameof(OpenGovernmentEffect),
    [
        ("Worsened", OpenGovernmentLevel.Worsened),
        ("Worsens", OpenGovernmentLevel.Worsened),
        ("Did Not Change", OpenGovernmentLevel.DidNotChange),
        ("DidNotChange", OpenGovernmentLevel.DidNotChange),
        ("Marginal", OpenGovernmentLevel.Marginal),
        ("Major", OpenGovernmentLevel.Major),
        ("Outstanding", OpenGovernmentLevel.Outstanding),
    ],
    notAssessed: ["No early results to report yet"],
    notApplicableCell: "Not Applicable");

    private static readonly Scale<CompletionChangeLevel> CompletionChangeScale = new(nameof(CompletionChange),
    [
        ("Increase", CompletionChangeLevel.Increase),
        ("No Change", CompletionChangeLevel.NoChange),
        ("NoChange", CompletionChangeLevel.NoChange),
        ("Decrease", CompletionChangeLevel.Decrease),
    ]);

    private static readonly Scale<bool> FlagScale = new(nameof(Flag),
    [
        ("1", true),
        ("0", false),
        ("Yes", true),
        ("No", false),
    ]);

    private static readonly IReadOnlyDictionary<string, BindingConstraintCode> BindingConstraintCodes =
        new Dictionary<string, BindingConstraintCode>(StringComparer.OrdinalIgnoreCase)
        {
            ["Spec"] = BindingConstraintCode.Spec,
            ["Rel"] = BindingConstraintCode.Rel,
            ["PotImp"] = BindingConstraintCode.PotImp,
            ["Cmpl"] = BindingConstraintCode.Cmpl,
            ["STAR"] = BindingConstraintCode.Star,
            ["FALSE"] = BindingConstraintCode.NotAssessed,
            [NotReviewed] = BindingConstraintCode.NotAssessed,
            [NoData] = BindingConstraintCode.NotAssessed,
            ["NotAssessed"] = BindingConstraintCode.NotAssessed,
        };

    /// <summary>Reads a `Specificity` cell (None, Low, Medium, High).</summary>
    public static Rated<SpecificityLevel> Specificity(string cell) => SpecificityScale.Parse(cell);

    /// <summary>Reads a `Specificity` cell; false when the cell is not understood.</summary>
    public static bool TryParseSpecificity(string? cell, out Rated<SpecificityLevel> value) => SpecificityScale.TryParse(cell, out value);

    /// <summary>Writes a `Specificity` cell.</summary>
    public static string FormatSpecificity(Rated<SpecificityLevel> value) => SpecificityScale.Format(value);

    /// <summary>Reads a `Potential Impact` cell (None, Minor, Moderate, Transformative).</summary>
    public static Rated<ImpactLevel> PotentialImpact(string cell) => ImpactScale.Parse(cell);

    /// <summary>Reads a `Potential Impact` cell; false when the cell is not understood.</summary>
    public static bool TryParsePotentialImpact(string? cell, out Rated<ImpactLevel> value) => ImpactScale.TryParse(cell, out value);

    /// <summary>Writes a `Potential Impact` cell.</summary>
    public static string FormatPotentialImpact(Rated<ImpactLevel> value) => ImpactScale.Format(value);

    /// <summary>Reads a `Completion (Progress Report)` or `Completion (End Of Term)` cell; "Unclear" is NotAssessed.</summary>
    public static Rated<CompletionLevel> Completion(string cell) => CompletionScale.Parse(cell);

    /// <summary>Reads a completion cell; false when the cell is not understood.</summary>
    public static bool TryParseCompletion(string? cell, out Rated<CompletionLevel> value) => CompletionScale.TryParse(cell, out value);

    /// <summary>Writes a completion cell ("Not Started", "Limited", "Substantial", "Complete", "Withdrawn").</summary>
    public static string FormatCompletion(Rated<CompletionLevel> value) => CompletionScale.Format(value);

    /// <summary>Reads a `Did It Open Government …` cell; "Not Applicable" is NotApplicable.</summary>
    public static Rated<OpenGovernmentLevel> OpenGovernmentEffect(string cell) => OpenGovernmentScale.Parse(cell);

    /// <summary>Reads a `Did It Open Government …` cell; false when the cell is not understood.</summary>
    public static bool TryParseOpenGovernmentEffect(string? cell, out Rated<OpenGovernmentLevel> value) => OpenGovernmentScale.TryParse(cell, out value);

    /// <summary>Writes a `Did It Open Government …` cell ("Did Not Change", "Marginal", …; NotApplicable as "Not Applicable", as those columns do).</summary>
    public static string FormatOpenGovernmentEffect(Rated<OpenGovernmentLevel> value) => OpenGovernmentScale.Format(value);

    /// <summary>Reads a `Change In Completion` cell (Increase, No Change, Decrease).</summary>
    public static Rated<CompletionChangeLevel> CompletionChange(string cell) => CompletionChangeScale.Parse(cell);

    /// <summary>Reads a `Change In Completion` cell; false when the cell is not understood.</summary>
    public static bool TryParseCompletionChange(string? cell, out Rated<CompletionChangeLevel> value) => CompletionChangeScale.TryParse(cell, out value);

    /// <summary>Writes a `Change In Completion` cell.</summary>
    public static string FormatCompletionChange(Rated<CompletionChangeLevel> value) => CompletionChangeScale.Format(value);

    /// <summary>Reads a yes/no cell written 1/0 (`OGP Value …`, `_Relevant`, `Starred …`) or Yes/No (`Verifiable`).</summary>
    public static Rated<bool> Flag(string cell) => FlagScale.Parse(cell);

    /// <summary>Reads a yes/no cell; false when the cell is not understood.</summary>
    public static bool TryParseFlag(string? cell, out Rated<bool> value) => FlagScale.TryParse(cell, out value);

    /// <summary>Writes a yes/no cell as 1/0, as the `OGP Value …`, `_Relevant` and `Starred …` columns do.</summary>
    public static string FormatFlag(Rated<bool> value) => value.Match(yes => yes ? "1" : "0", NoData, NotApplicableCode);

    /// <summary>Writes a yes/no cell as Yes/No, as the `Verifiable` column does.</summary>
    public static string FormatYesNo(Rated<bool> value) => value.Match(yes => yes ? "Yes" : "No", NoData, NotApplicableCode);

    /// <summary>
    /// Reads the four `OGP Value …` cells (Access To Information, Civic Participation, Public Accountability,
    /// Technology) into a set. All four rated → the set of those marked 1; all four NA → NotApplicable; any
    /// other mix with ND/NR/NA → NotAssessed (the IRM file never mixes them within a row).
    /// </summary>
    public static Rated<IReadOnlySet<OgpValue>> OgpValues(string accessToInformation, string civicParticipation, string publicAccountability, string technology) =>
        TryParseOgpValues(accessToInformation, civicParticipation, publicAccountability, technology, out var values)
            ? values
            : throw new FormatException(
                $"OGP values: expected 1, 0, Yes, No, ND, NR or NA in each of '{accessToInformation}', '{civicParticipation}', '{publicAccountability}', '{technology}'.");

    /// <summary>Reads the four `OGP Value …` cells; false when a cell is not understood.</summary>
    public static bool TryParseOgpValues(string? accessToInformation, string? civicParticipation, string? publicAccountability, string? technology,
        out Rated<IReadOnlySet<OgpValue>> values)
    {
        (string? Cell, OgpValue Value)[] cells =
        [
            (accessToInformation, OgpValue.AccessToInformation),
            (civicParticipation, OgpValue.CivicParticipation),
            (publicAccountability, OgpValue.PublicAccountability),
            (technology, OgpValue.TechnologyAndInnovation),
        ];

        var flags = new List<(Rated<bool> Flag, OgpValue Value)>(cells.Length);
        foreach (var (cell, value) in cells)
        {
            if (!TryParseFlag(cell, out var flag))
            {
                values = default;
                return false;
            }

            flags.Add((flag, value));
        }

        values = flags.All(f => f.Flag.IsAssessed)
            ? Rated.Of<IReadOnlySet<OgpValue>>(flags.Where(f => f.Flag.Value).Select(f => f.Value).ToHashSet())
            : flags.All(f => f.Flag.State == RatingState.NotApplicable)
                ? Rated.NotApplicable<IReadOnlySet<OgpValue>>()
                : Rated.NotAssessed<IReadOnlySet<OgpValue>>();
        return true;
    }

    /// <summary>Writes the `OGP Value …` cell of one value: 1 when in the set, 0 when not.</summary>
    public static string FormatOgpValue(Rated<IReadOnlySet<OgpValue>> values, OgpValue value) =>
        FormatFlag(values.Map(set => set.Contains(value)));

    /// <summary>Reads a `Binding constraint` cell (Spec, Rel, PotImp, Cmpl, STAR; FALSE and NR are NotAssessed).</summary>
    public static BindingConstraintCode BindingConstraint(string cell) =>
        TryParseBindingConstraint(cell, out var constraint)
            ? constraint
            : throw new FormatException($"Binding constraint: '{cell}' is not one of Spec, Rel, PotImp, Cmpl, STAR, FALSE, NR.");

    /// <summary>Reads a `Binding constraint` cell; false when the cell is not understood.</summary>
    public static bool TryParseBindingConstraint(string? cell, out BindingConstraintCode constraint) =>
        BindingConstraintCodes.TryGetValue(cell?.Trim() ?? string.Empty, out constraint);

    /// <summary>
    /// Writes a `Binding constraint` cell as the IRM does: STAR for a star, FALSE for a reviewed commitment with no
    /// assessed failing criterion, NR for one not reviewed at all.
    /// </summary>
    public static string FormatBindingConstraint(BindingConstraintCode constraint, bool reviewed = true) => constraint switch
    {
        BindingConstraintCode.Star => "STAR",
        BindingConstraintCode.NotAssessed => reviewed ? "FALSE" : NotReviewed,
        _ => constraint.ToString(),
    };

    private sealed class Scale<T> where T : notnull
    {
        private readonly string name;
        private readonly string notApplicableCell;
        private readonly Dictionary<string, Rated<T>> cells = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<T, string> names = [];

        // The first spelling listed for a level is the one written back.
        public Scale(string name, IEnumerable<(string Cell, T Level)> levels, IEnumerable<string>? notAssessed = null, string notApplicableCell = NotApplicableCode)
        {
            this.name = name;
            this.notApplicableCell = notApplicableCell;
            foreach (var (code, state) in Codes)
            {
                cells[code] = Rated.FromState<T>(state, default);
            }

            foreach (var cell in notAssessed ?? [])
            {
                cells[cell] = Rated.NotAssessed<T>();
            }

            foreach (var (cell, level) in levels)
            {
                cells[cell] = Rated.Of(level);
                names.TryAdd(level, cell);
            }
        }

        public bool TryParse(string? cell, out Rated<T> value) => cells.TryGetValue(cell?.Trim() ?? string.Empty, out value);

        public Rated<T> Parse(string cell) => TryParse(cell, out var value)
            ? value
            : throw new FormatException($"{name}: '{cell}' is not one of {string.Join(", ", names.Values)}, {NoData}, {NotReviewed} or {NotApplicableCode}.");

        public string Format(Rated<T> value) => value.Match(level => names[level], NoData, notApplicableCell);
    }
}
