using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.Commitments;
using Tracker.Members;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.OpenData.Importing;

/// <summary>One data row of an OGP file: its physical line (where the record starts) and its cells by column.</summary>
public sealed record OgpRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The cell of <paramref name="column"/>, or "" when the file has no such column.</summary>
    public string this[string column] => Cells.TryGetValue(column, out var cell) ? cell : "";

    /// <summary>Whether the file has <paramref name="column"/>.</summary>
    public bool Has(string column) => Cells.ContainsKey(column);
}

/// <summary>Why a row was refused: the column at fault and the reason.</summary>
public sealed record RowProblem(string Column, string Reason);

/// <summary>Something the import changed or left out of a row it took, and why.</summary>
public sealed record RowWarning(string Column, string Message);

/// <summary>The member a row belongs to; its code is the commitment code without the four digits (NL for NL0003).</summary>
public sealed record OgpMember(string Code, string Name, MemberKind Kind, string? Region);

/// <summary>The action plan a row belongs to: its number and its years (the file knows no more precise period).</summary>
public sealed record OgpPlan(int Number, int FirstYear, int LastYear)
{
    /// <summary>1 January of the year of submission.</summary>
    public DateOnly PeriodStart => new(FirstYear, 1, 1);

    /// <summary>31 December of the plan's end year.</summary>
    public DateOnly PeriodEnd => new(LastYear, 12, 31);

    /// <summary>The end of the plan's first year, as a plan registered without a cutoff gets it.</summary>
    public DateOnly MidtermCutoff => Plans.Plan.DefaultMidtermCutoff(PeriodStart, PeriodEnd);

    /// <summary>The title a plan registered by the import gets (the file has none).</summary>
    public string TitleFor(OgpMember member) => member.Kind switch
    {
        MemberKind.National => $"{member.Name} National Action Plan {FirstYear}-{LastYear}",
        MemberKind.Local or MemberKind.LegacyLocal => $"{member.Name} Local Action Plan {FirstYear}-{LastYear}",
        _ => $"{member.Name} Action Plan {FirstYear}-{LastYear}",
    };
}

/// <summary>OGP's spellings of the member kinds in "National Or Local".</summary>
public static class OgpMemberKinds
{
    private static readonly (MemberKind Kind, string Text)[] Spellings =
        [(MemberKind.National, "National"), (MemberKind.Local, "Local"), (MemberKind.LegacyLocal, "Legacy Local"), (MemberKind.Other, "Other")];

    /// <summary>The kind a cell names, ignoring case and spaces ("Legacy Local", "legacylocal").</summary>
    public static MemberKind? Parse(string cell) =>
        Spellings.Where(s => string.Equals(s.Text.Replace(" ", "", StringComparison.Ordinal), cell.Replace(" ", "", StringComparison.Ordinal).Trim(),
            StringComparison.OrdinalIgnoreCase)).Select(s => (MemberKind?)s.Kind).FirstOrDefault();

    /// <summary>The kind as OGP writes it.</summary>
    public static string Format(MemberKind kind) => Spellings.Single(s => s.Kind == kind).Text;
}

/// <summary>
/// A row the import can take: everything it will register, already checked against Tracker's rules.
/// <paramref name="LeadInstitutions"/> are the lead and its co-leads, none when the file says the lead is not named
/// (<c>NA</c>); <paramref name="Published"/> is the row as the file wrote it, for the cells Tracker keeps as source cells.
/// </summary>
public sealed record OgpCommitment(int Line, string Code, OgpMember Member, OgpPlan Plan, string Number, string Title, string? ShortTitle,
    string? FullText, IReadOnlyList<string> LeadInstitutions, string? SupportingInstitutionsText, DateOnly? Start, DateOnly? End,
    IReadOnlyList<string> PolicyAreas, string? Cluster, IrmAssessments Assessments, IReadOnlyList<RowWarning> Warnings,
    IReadOnlyDictionary<string, string> Published);

/// <summary>A row read: the commitment to register, or the problems that refuse it.</summary>
public sealed record RowReading(OgpCommitment? Commitment, IReadOnlyList<RowProblem> Problems);

/// <summary>
/// Maps one row of the OGP file to what Tracker registers (pure: no database). A row is refused, with every column
/// at fault, only when it cannot be a commitment: no code, member or title, a plan number or year it cannot read, a
/// rating that is no level of its scale, text past the bounds the IRM's own data stays far within. Several lead
/// institutions in one cell are a lead and its co-leads (<see cref="OgpInstitutionNames"/>); a lead of NA is "not
/// named". Dates never refuse a row (see <see cref="OgpDates"/>).
/// </summary>
public static partial class OgpCommitmentRow
{
    // "No value" in the OGP file's text columns.
    private static readonly string[] Missing = ["", "NA", "ND", "NR", "N/A"];

    /// <summary>The longest title or short title the import keeps, and the longest institution name.</summary>
    public const int MaxTitle = 5_000, MaxInstitutionName = 1_000;

    /// <summary>Reads <paramref name="row"/>; <paramref name="planWritesDayFirst"/> is <see cref="OgpDates.IsWrittenDayFirst"/> for any date of its plan.</summary>
    public static RowReading Read(OgpRow row, bool planWritesDayFirst = false)
    {
        var problems = new List<RowProblem>();
        var warnings = new List<RowWarning>();
        void Refuse(string column, string reason) => problems.Add(new RowProblem(column, reason));

        var code = row[OgpColumns.Identifier].Trim();
        if (!CommitmentTextRules.CodePattern().IsMatch(code))
            Refuse(OgpColumns.Identifier, code.Length == 0 ? "Required." : $"'{code}' is not an OGP code: the member's code and four digits, e.g. NL0025.");

        var memberName = Text(row, OgpColumns.Member, max: 200, required: true, Refuse);
        var kind = OgpMemberKinds.Parse(row[OgpColumns.NationalOrLocal]) ?? Fail<MemberKind>(() =>
            Refuse(OgpColumns.NationalOrLocal, $"'{row[OgpColumns.NationalOrLocal].Trim()}' is none of National, Local, Legacy Local, Other."));
        var region = Text(row, OgpColumns.Region, max: 200, required: false, Refuse);

        var planNumber = WholeNumber(row, OgpColumns.PlanNumber, 1, 99, Refuse);
        var firstYear = WholeNumber(row, OgpColumns.YearOfSubmission, 1990, 2100, Refuse);
        var lastYear = WholeNumber(row, OgpColumns.EndYear, 1990, 2100, Refuse);
        if (firstYear is { } first && lastYear is { } last && last < first)
            Refuse(OgpColumns.EndYear, $"The plan ends ({last}) before its year of submission ({first}).");

        var number = CommitmentNumber(row, Refuse, warnings);
        // The IRM publishes titles of several sentences (over 500 characters, what the API takes from a person): the
        // import keeps them whole, up to bounds no published cell comes near.
        var title = Text(row, OgpColumns.Title, max: MaxTitle, required: true, Refuse);
        var shortTitle = Text(row, OgpColumns.ShortTitle, max: MaxTitle, required: false, Refuse);
        var fullText = Text(row, OgpColumns.FullText, max: 50_000, required: false, Refuse, trim: false);
        var leads = InstitutionNames(row, Refuse);
        var supporting = Text(row, OgpColumns.SupportingInstitutions, max: 20_000, required: false, Refuse);
        var cluster = Text(row, OgpColumns.Cluster, max: 300, required: false, Refuse);
        var policyAreas = PolicyAreas(row, warnings);
        var assessments = Assessments(row, Refuse);
        // The current method's cluster is the Action Plan Review's, named by the commitments the file lists in it.
        if (assessments.ActionPlanReview is not null) cluster = assessments.Cluster is { } codes ? string.Join(", ", codes) : null;

        if (problems.Count > 0 || planNumber is null || firstYear is null || lastYear is null)
            return new RowReading(null, problems);

        var plan = new OgpPlan(planNumber.Value, firstYear.Value, lastYear.Value);
        var start = Date(row, OgpColumns.StartDate, DateRole.Start, plan, planWritesDayFirst, warnings);
        var end = Date(row, OgpColumns.EndDate, DateRole.End, plan, planWritesDayFirst, warnings);
        if (start is { } s && end is { } e && e < s)
        {
            warnings.Add(new RowWarning(OgpColumns.EndDate, $"The end ({e:yyyy-MM-dd}) is before the start ({s:yyyy-MM-dd}); the end was left empty."));
            end = null;
        }

        var member = new OgpMember(code[..^4], memberName!, kind, region);
        return new RowReading(new OgpCommitment(row.Line, code, member, plan, number!, title!, shortTitle, fullText, leads!, supporting,
            start, end, policyAreas, cluster, assessments, warnings, row.Cells), []);
    }

    /// <summary>The key of a row's plan, for finding which plans write their dates day first.</summary>
    public static string PlanKey(OgpRow row) =>
        row[OgpColumns.Identifier].Trim() is { Length: > 4 } code ? $"{code[..^4]}/{row[OgpColumns.PlanNumber].Trim()}" : "";

    /// <summary>The plans (by <see cref="PlanKey"/>) with a date that can only be day/month/year.</summary>
    public static IReadOnlySet<string> PlansWritingDayFirst(IEnumerable<OgpRow> rows) =>
        rows.Where(r => OgpDates.IsWrittenDayFirst(r[OgpColumns.StartDate]) || OgpDates.IsWrittenDayFirst(r[OgpColumns.EndDate]))
            .Select(PlanKey).ToHashSet();

    private static T Fail<T>(Action refuse)
    {
        refuse();
        return default!;
    }

    private static string? Text(OgpRow row, string column, int max, bool required, Action<string, string> refuse, bool trim = true)
    {
        var cell = row[column];
        if (Missing.Contains(cell.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            if (required) refuse(column, cell.Trim().Length == 0 ? "Required." : $"Required, but the file says '{cell.Trim()}'.");
            return null;
        }
        var text = trim ? cell.Trim() : cell;
        if (text.Contains('\0'))
        {
            refuse(column, "Holds a NUL character, which no text in Tracker holds.");
            return null;
        }
        if (text.Length > max)
        {
            refuse(column, $"{text.Length} characters; Tracker keeps at most {max}.");
            return null;
        }
        return text;
    }

    // Names are compared and shown on one line (OgpInstitutionNames): the lead first, then its co-leads. "NA" (or ND, NR,
    // an empty cell) is a plan that names no lead: recorded as such, never an invented institution.
    private static IReadOnlyList<string>? InstitutionNames(OgpRow row, Action<string, string> refuse)
    {
        var cell = row[OgpColumns.LeadInstitution];
        if (Missing.Contains(cell.Trim(), StringComparer.OrdinalIgnoreCase)) return [];
        if (cell.Contains('\0'))
        {
            refuse(OgpColumns.LeadInstitution, "Holds a NUL character, which no name in Tracker holds.");
            return null;
        }
        var names = OgpInstitutionNames.Split(cell);
        if (names.FirstOrDefault(n => n.Length > MaxInstitutionName) is { } tooLong)
        {
            refuse(OgpColumns.LeadInstitution, $"A name of {tooLong.Length} characters; Tracker keeps names of at most {MaxInstitutionName}.");
            return null;
        }
        return names;
    }

    private static int? WholeNumber(OgpRow row, string column, int min, int max, Action<string, string> refuse)
    {
        var cell = row[column].Trim();
        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        refuse(column, cell.Length == 0 ? "Required." : $"'{cell}' is not a whole number from {min} to {max}.");
        return null;
    }

    // Spreadsheets store "8.2" as the double 8.1999999999999993 and some exports write all its digits; the
    // shortest text that reads back as the same double is what the plan wrote.
    private static string? CommitmentNumber(OgpRow row, Action<string, string> refuse, List<RowWarning> warnings)
    {
        var cell = row[OgpColumns.CommitmentNumber].Trim();
        if (cell.Length == 0 || Missing.Contains(cell, StringComparer.OrdinalIgnoreCase))
        {
            refuse(OgpColumns.CommitmentNumber, "Required.");
            return null;
        }
        if (FloatArtefact().IsMatch(cell) && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var shortest = value.ToString("R", CultureInfo.InvariantCulture);
            warnings.Add(new RowWarning(OgpColumns.CommitmentNumber, $"'{cell}' is a spreadsheet's rendering of {shortest}; read as {shortest}."));
            cell = shortest;
        }
        if (cell.Length > 20)
        {
            refuse(OgpColumns.CommitmentNumber, $"{cell.Length} characters; Tracker keeps at most 20.");
            return null;
        }
        return cell;
    }

    private static IReadOnlyList<string> PolicyAreas(OgpRow row, List<RowWarning> warnings)
    {
        var tags = new List<string>();
        foreach (var column in OgpColumns.PolicyAreas.Where(row.Has))
        {
            var cell = row[column].Trim();
            if (cell == "1") tags.Add(column);
            else if (cell != "0" && !Missing.Contains(cell, StringComparer.OrdinalIgnoreCase))
                warnings.Add(new RowWarning(column, $"'{cell}' is not 0 or 1; read as not tagged."));
        }
        return tags;
    }

    private static DateOnly? Date(OgpRow row, string column, DateRole role, OgpPlan plan, bool planWritesDayFirst, List<RowWarning> warnings)
    {
        var reading = OgpDates.Read(row[column], role, plan.PeriodStart, plan.PeriodEnd, planWritesDayFirst);
        if (reading.Warning is { } warning) warnings.Add(new RowWarning(column, warning));
        return reading.Day;
    }

    /// <summary>
    /// The IRM's assessments of the row. A report counts as reviewed when any of its cells says more than NR; its
    /// indicators are then all recorded, ND as not assessed and NA as not applicable. _Relevant is recorded only
    /// where the four OGP Value cells are not rated (reviews since 2020 answer "relevant?" on its own), and Verifiable
    /// only where Specificity is not (the design reports of 2017–2020 plans: PY0038, NL0035); elsewhere Tracker computes
    /// them from the values and the Specificity.
    /// A row assessed by the current method (<see cref="CurrentMethodColumns.IsCurrentMethod"/>) has an Action Plan Review
    /// (Verifiable, _Relevant as the open-government lens, Potential for Results, the cluster) and, where the file rates the
    /// end of the plan, a Results Report (the end of term's completion, early results); the 2011–2020 reports take only
    /// what the row rates on their own scales: a midterm for a rated Specificity, Value or Potential Impact, an end of term
    /// for "did it open government?" rated Marginal, Major … (NL0039, UA0087), never translated into early results.
    /// </summary>
    private static IrmAssessments Assessments(OgpRow row, Action<string, string> refuse)
    {
        if (!CurrentMethodColumns.IsCurrentMethod(row[OgpColumns.PotentialForResults]))
            return new IrmAssessments(
                Reviewed(row, OgpColumns.MidtermInputs) ? Midterm(row, refuse, verdicts: true) : null,
                Reviewed(row, OgpColumns.EndOfTermInputs) ? EndOfTerm(row, refuse, withCompletion: true) : null);

        var olderDesign = OgpColumns.MidtermInputs.Where(c => c != OgpColumns.Relevant);
        var openGovernment = OgpColumns.EndOfTermInputs.Where(c => c != OgpColumns.EndOfTermCompletion);
        var results = Reviewed(row, [OgpColumns.EndOfTermCompletion, OgpColumns.EarlyResults, OgpColumns.OpenGovernment])
            ? ResultsReport(row, refuse) : null;
        var clustered = IrmCells.TryParseFlag(Rating(row, OgpColumns.ClusterAssessed), out var flag) && flag is { IsAssessed: true, Value: true }
            && CurrentMethodColumns.ClusterCodes(row[OgpColumns.ClusterCommitments]) is { Count: > 0 } codes ? codes : null;
        return new IrmAssessments(
            olderDesign.Any(c => Rates(row, c)) ? Midterm(row, refuse, verdicts: false) : null,
            openGovernment.Any(c => IrmCells.TryParseOpenGovernmentEffect(row[c], out var effect) && effect.IsAssessed) ? EndOfTerm(row, refuse, withCompletion: false) : null,
            ActionPlanReview(row, refuse), results, clustered);
    }

    private static bool Reviewed(OgpRow row, IEnumerable<string> columns) => columns.Any(c => row.Has(c)
        && row[c].Trim() is { Length: > 0 } cell && !cell.Equals(IrmCells.NotReviewed, StringComparison.OrdinalIgnoreCase));

    // A cell that holds a level, not one of the file's codes for no rating.
    private static bool Rates(OgpRow row, string column) =>
        row[column].Trim() is { Length: > 0 } cell && !Missing.Contains(cell, StringComparer.OrdinalIgnoreCase);

    // The verdicts (Relevant, Verifiable) of a 2011–2020 row where the values or Specificity are not rated; a current-method
    // row's are its Action Plan Review's.
    private static Dictionary<Indicator, Score> Midterm(OgpRow row, Action<string, string> refuse, bool verdicts)
    {
        var midterm = new Dictionary<Indicator, Score>
        {
            [Indicator.Specificity] = Level<Specificity>(row, Indicator.Specificity, OgpColumns.Specificity, IrmCells.TryParseSpecificity, "None, Low, Medium, High", refuse),
            [Indicator.PotentialImpact] = Level<PotentialImpact>(row, Indicator.PotentialImpact, OgpColumns.PotentialImpact, IrmCells.TryParsePotentialImpact, "None, Minor, Moderate, Transformative", refuse),
            [Indicator.Completion] = Level<Completion>(row, Indicator.Completion, OgpColumns.MidtermCompletion, IrmCells.TryParseCompletion, "Not Started, Limited, Substantial, Complete, Withdrawn", refuse),
        };
        if (IrmCells.TryParseOgpValues(Rating(row, OgpColumns.AccessToInformation), Rating(row, OgpColumns.CivicParticipation),
                Rating(row, OgpColumns.PublicAccountability), Rating(row, OgpColumns.Technology), out var values))
            midterm[Indicator.Relevance] = Score.Of(Indicator.Relevance, values);
        else
            refuse(OgpColumns.AccessToInformation, "The four OGP Value cells must each be 1, 0, ND, NR or NA.");
        if (verdicts && !values.IsAssessed) Verdict(Indicator.Relevant, OgpColumns.Relevant);
        if (verdicts && !midterm[Indicator.Specificity].As<Specificity>().IsAssessed) Verdict(Indicator.Verifiable, OgpColumns.Verifiable);
        return midterm;

        void Verdict(Indicator indicator, string column)
        {
            if (!IrmCells.TryParseFlag(Rating(row, column), out var verdict))
                refuse(column, $"'{row[column].Trim()}' is not Yes, No, 1, 0, ND, NR or NA.");
            else if (verdict.IsAssessed)
                midterm[indicator] = Score.Of(indicator, verdict);
        }
    }

    private static Dictionary<Indicator, Score> EndOfTerm(OgpRow row, Action<string, string> refuse, bool withCompletion)
    {
        const string effects = "Worsened, Did Not Change, Marginal, Major, Outstanding";
        var endOfTerm = new Dictionary<Indicator, Score>
        {
            [Indicator.DidItOpenGovernment] = Level<OpenGovernmentEffect>(row, Indicator.DidItOpenGovernment, OgpColumns.OpenGovernment, IrmCells.TryParseOpenGovernmentEffect, effects, refuse),
            [Indicator.DiogAccessToInformation] = Level<OpenGovernmentEffect>(row, Indicator.DiogAccessToInformation, OgpColumns.OpenGovernmentAccessToInformation, IrmCells.TryParseOpenGovernmentEffect, effects, refuse),
            [Indicator.DiogCivicParticipation] = Level<OpenGovernmentEffect>(row, Indicator.DiogCivicParticipation, OgpColumns.OpenGovernmentCivicParticipation, IrmCells.TryParseOpenGovernmentEffect, effects, refuse),
            [Indicator.DiogPublicAccountability] = Level<OpenGovernmentEffect>(row, Indicator.DiogPublicAccountability, OgpColumns.OpenGovernmentPublicAccountability, IrmCells.TryParseOpenGovernmentEffect, effects, refuse),
        };
        if (withCompletion)
            endOfTerm[Indicator.Completion] = Level<Completion>(row, Indicator.Completion, OgpColumns.EndOfTermCompletion, IrmCells.TryParseCompletion, "Not Started, Limited, Substantial, Complete, Withdrawn", refuse);
        return endOfTerm;
    }

    // The IRM writes the lens as _Relevant and assesses Verifiable directly; "promising" is not in the file.
    private static Dictionary<Indicator, Score> ActionPlanReview(OgpRow row, Action<string, string> refuse)
    {
        var review = new Dictionary<Indicator, Score>
        {
            [Indicator.PotentialForResults] = Versioned(row, Indicator.PotentialForResults, OgpColumns.PotentialForResults, CurrentMethodScales.PotentialForResults, refuse),
        };
        foreach (var (indicator, column) in new[] { (Indicator.Verifiable, OgpColumns.Verifiable), (Indicator.OpenGovernmentLens, OgpColumns.Relevant) })
        {
            if (IrmCells.TryParseFlag(Rating(row, column), out var flag)) review[indicator] = Score.Of(indicator, flag);
            else refuse(column, $"'{row[column].Trim()}' is not Yes, No, 1, 0, ND, NR or NA.");
        }
        return review;
    }

    // Early results are read from their own column, or from "did it open government?" where the file writes "no early
    // results to report yet" there (UA0088); a level of the 2011 scale in that column is the end of term's, not this report's.
    private static Dictionary<Indicator, Score> ResultsReport(OgpRow row, Action<string, string> refuse)
    {
        var earlyResults = Versioned(row, Indicator.EarlyResults, OgpColumns.EarlyResults, CurrentMethodScales.EarlyResults, refuse);
        if (earlyResults.State == RatingState.NotAssessed && CurrentMethodScales.EarlyResults.TryRead(row[OgpColumns.OpenGovernment], out var written)
            && written == EarlyResults.NoneToReportYet)
            earlyResults = Score.Of(Indicator.EarlyResults, Rated.Of(written));
        return new Dictionary<Indicator, Score>
        {
            [Indicator.ResultsCompletion] = Versioned(row, Indicator.ResultsCompletion, OgpColumns.EndOfTermCompletion, CurrentMethodScales.Completion, refuse),
            [Indicator.EarlyResults] = earlyResults,
        };
    }

    private static Score Versioned<T>(OgpRow row, Indicator indicator, string column, VersionedScale<T> scale, Action<string, string> refuse)
        where T : struct, Enum
    {
        var cell = Rating(row, column);
        if (scale.TryRead(cell, out var level)) return Score.Of(indicator, Rated.Of(level));
        // The file's codes for no rating: a flag's reading of them is every scale's.
        if (IrmCells.TryParseFlag(cell, out var code) && !code.IsAssessed) return Score.Without(indicator, code.State);
        refuse(column, $"'{row[column].Trim()}' is not one of {string.Join(", ", scale.Levels.Select(l => l.Cell))}, ND, NR or NA.");
        return Score.Without(indicator, RatingState.NotAssessed);
    }

    // A missing cell in a reviewed report is not assessed (the file's own ND).
    private static string Rating(OgpRow row, string column) => row[column].Trim() is { Length: > 0 } cell ? cell : IrmCells.NoData;

    private delegate bool TryParseCell<T>(string? cell, out Rated<T> value) where T : notnull;

    private static Score Level<T>(OgpRow row, Indicator indicator, string column, TryParseCell<T> parse, string levels, Action<string, string> refuse)
        where T : struct, Enum
    {
        if (parse(Rating(row, column), out var rated)) return Score.Of(indicator, rated);
        refuse(column, $"'{row[column].Trim()}' is not one of {levels}, ND, NR or NA.");
        return Score.Without(indicator, RatingState.NotAssessed);
    }

    [GeneratedRegex(@"^\d+\.\d{6,}$")]
    private static partial Regex FloatArtefact();
}
