using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.OpenData;

/// <summary>
/// One commitment's assessments in the IRM's reports, a score per indicator; a report is null when the commitment was
/// not reviewed in it (the IRM's NR). The 2011–2020 method's midterm and end of term, and the current method's Action
/// Plan Review and Results Report; <paramref name="Cluster"/> is the codes of the commitments the Action Plan Review
/// assessed together with this one, itself included, in code order (null when it was assessed alone).
/// </summary>
public sealed record IrmAssessments(IReadOnlyDictionary<Indicator, Score>? Midterm, IReadOnlyDictionary<Indicator, Score>? EndOfTerm,
    IReadOnlyDictionary<Indicator, Score>? ActionPlanReview = null, IReadOnlyDictionary<Indicator, Score>? ResultsReport = null,
    IReadOnlyList<string>? Cluster = null)
{
    /// <summary>Not reviewed at all.</summary>
    public static readonly IrmAssessments None = new(null, null);

    /// <summary>The assessments held in published reports: a report's entry counts only when the commitment has panel values in it.</summary>
    public static IrmAssessments FromPublished(CommitmentReview? midterm, CommitmentReview? endOfTerm, CommitmentReview? actionPlanReview = null,
        CommitmentReview? resultsReport = null, IReadOnlyList<string>? cluster = null)
    {
        static IReadOnlyDictionary<Indicator, Score>? Values(CommitmentReview? review) =>
            review is { Panel.Count: > 0 } ? review.Panel.ToDictionary(p => p.Key, p => p.Value.Value) : null;
        var review = Values(actionPlanReview);
        return new IrmAssessments(Values(midterm), Values(endOfTerm), review, Values(resultsReport), review is null ? null : cluster);
    }
}

/// <summary>
/// The rating columns of the OGP file, computed by Tracker's own rating functions from the assessments — the
/// export writes these, never a cell copied from a file, and the import compares them with the file's cells (the
/// consistency check). A report the commitment was not reviewed in writes NR; an indicator not assessed writes ND.
/// </summary>
public static class OgpRatings
{
    private const string NotReviewed = IrmCells.NotReviewed;

    /// <summary>Every rating column Tracker writes, by column name.</summary>
    public static IReadOnlyDictionary<string, string> Cells(IrmAssessments assessments)
    {
        var (midterm, endOfTerm) = (assessments.Midterm, assessments.EndOfTerm);
        var (review, results) = (assessments.ActionPlanReview, assessments.ResultsReport);
        // At end of term the design ratings are the midterm's unless the end-of-term report re-assessed them
        // (the same rule as CommitmentReview.Rate).
        static Rated<T> In<T>(IReadOnlyDictionary<Indicator, Score>? report, Indicator indicator) where T : notnull =>
            report?.GetValueOrDefault(indicator) is { } score ? score.As<T>() : Score.Without(indicator, RatingState.NotAssessed).As<T>();
        Rated<T> Design<T>(Indicator indicator) where T : notnull =>
            In<T>(endOfTerm, indicator) is { State: not RatingState.NotAssessed } own ? own : In<T>(midterm, indicator);
        // The file writes the current method's reports where it writes the older ones: the Action Plan Review in the
        // progress report's columns (ND, not NR, where it rates nothing of them), the Results Report in the end of term's.
        var designReviewed = midterm is not null || review is not null || endOfTerm?.Keys.Any(IsDesign) == true;
        var (midtermReviewed, endOfTermReviewed) = (midterm is not null || review is not null, endOfTerm is not null || results is not null);
        var reviewed = midtermReviewed || endOfTermReviewed;

        var specificity = Design<Specificity>(Indicator.Specificity);
        var values = Design<IReadOnlySet<OgpValue>>(Indicator.Relevance);
        var impact = Design<PotentialImpact>(Indicator.PotentialImpact);
        var relevantRecorded = endOfTerm?.ContainsKey(Indicator.Relevant) == true || midterm?.ContainsKey(Indicator.Relevant) == true;
        // Verifiable assessed on its own (the same rule as CommitmentReview.Rate), else derived from Specificity.
        var verifiable = endOfTerm?.ContainsKey(Indicator.Verifiable) == true || midterm?.ContainsKey(Indicator.Verifiable) == true
            ? Design<bool>(Indicator.Verifiable) : Verifiability.IsVerifiable(specificity);
        // The open-government lens is the file's _Relevant: "relevant to OGP values?" answered on its own.
        var design = new DesignAssessment(specificity, values, impact, relevantRecorded ? Design<bool>(Indicator.Relevant)
            : review?.ContainsKey(Indicator.OpenGovernmentLens) == true ? In<bool>(review, Indicator.OpenGovernmentLens) : null);
        var midtermCompletion = In<Completion>(midterm, Indicator.Completion);
        var endOfTermCompletion = In<Completion>(endOfTerm, Indicator.Completion) is { State: not RatingState.NotAssessed } own
            ? own : CurrentMethodColumns.AsCompletion(In<ResultsCompletion>(results, Indicator.ResultsCompletion));
        var latestCompletion = LatestCompletion.Of(midtermCompletion, endOfTermCompletion);
        var change = CompletionChanges.Between(midtermCompletion, endOfTermCompletion);
        Rated<OpenGovernmentEffect> Effect(Indicator indicator) => In<OpenGovernmentEffect>(endOfTerm, indicator);

        string When(bool isReviewed, string cell) => isReviewed ? cell : NotReviewed;
        var cells = new Dictionary<string, string>
        {
            [OgpColumns.Specificity] = When(designReviewed, IrmCells.FormatSpecificity(specificity)),
            [OgpColumns.SpecificityNumber] = When(designReviewed, Number(specificity, level => (int)level)),
            [OgpColumns.Verifiable] = When(designReviewed, IrmCells.FormatYesNo(verifiable)),
            [OgpColumns.AccessToInformation] = When(designReviewed, IrmCells.FormatOgpValue(values, OgpValue.AccessToInformation)),
            [OgpColumns.CivicParticipation] = When(designReviewed, IrmCells.FormatOgpValue(values, OgpValue.CivicParticipation)),
            [OgpColumns.PublicAccountability] = When(designReviewed, IrmCells.FormatOgpValue(values, OgpValue.PublicAccountability)),
            [OgpColumns.Technology] = When(designReviewed, IrmCells.FormatOgpValue(values, OgpValue.TechnologyAndInnovation)),
            [OgpColumns.Relevant] = When(designReviewed, IrmCells.FormatFlag(design.Relevant)),
            [OgpColumns.PotentialImpact] = When(designReviewed, IrmCells.FormatPotentialImpact(impact)),
            [OgpColumns.PotentialImpactNumber] = When(designReviewed, Number(impact, level => (int)level)),
            [OgpColumns.HighAmbition] = When(designReviewed, IrmCells.FormatFlag(Ambition.IsHighAmbition(impact, design.Relevant))),
            [OgpColumns.MidtermCompletion] = When(midtermReviewed, IrmCells.FormatCompletion(midtermCompletion)),
            [OgpColumns.MidtermCompletionNumber] = When(midtermReviewed, CompletionNumber(midtermCompletion)),
            // "Starred (2015 Only)" is the 2014 rule (Moderate counts) on the midterm completion: see Starred.Evaluate.
            [OgpColumns.Starred2014] = When(midtermReviewed, IrmCells.FormatFlag(Starred.Evaluate(design, midtermCompletion, StarRule.Irm2014))),
            [OgpColumns.StarredMidterm] = When(midtermReviewed, IrmCells.FormatFlag(Starred.Evaluate(design, midtermCompletion, StarRule.Irm2015))),
            [OgpColumns.EndOfTermCompletion] = When(endOfTermReviewed, IrmCells.FormatCompletion(endOfTermCompletion)),
            [OgpColumns.EndOfTermCompletionNumber] = When(endOfTermReviewed, CompletionNumber(endOfTermCompletion)),
            [OgpColumns.ChangeInCompletion] = When(endOfTermReviewed, IrmCells.FormatCompletionChange(change)),
            [OgpColumns.ChangeInCompletionNumber] = When(endOfTermReviewed, ChangeNumber(change, midtermCompletion, endOfTermCompletion)),
            [OgpColumns.OpenGovernment] = When(endOfTermReviewed, IrmCells.FormatOpenGovernmentEffect(Effect(Indicator.DidItOpenGovernment))),
            [OgpColumns.OpenGovernmentNumber] = When(endOfTermReviewed, OverallEffectNumber(Effect(Indicator.DidItOpenGovernment))),
            [OgpColumns.OpenGovernmentAccessToInformation] = When(endOfTermReviewed, IrmCells.FormatOpenGovernmentEffect(Effect(Indicator.DiogAccessToInformation))),
            [OgpColumns.OpenGovernmentAccessToInformationNumber] = When(endOfTermReviewed, ValueEffectNumber(Effect(Indicator.DiogAccessToInformation))),
            [OgpColumns.OpenGovernmentCivicParticipation] = When(endOfTermReviewed, IrmCells.FormatOpenGovernmentEffect(Effect(Indicator.DiogCivicParticipation))),
            [OgpColumns.OpenGovernmentCivicParticipationNumber] = When(endOfTermReviewed, ValueEffectNumber(Effect(Indicator.DiogCivicParticipation))),
            [OgpColumns.OpenGovernmentPublicAccountability] = When(endOfTermReviewed, IrmCells.FormatOpenGovernmentEffect(Effect(Indicator.DiogPublicAccountability))),
            [OgpColumns.OpenGovernmentPublicAccountabilityNumber] = When(endOfTermReviewed, ValueEffectNumber(Effect(Indicator.DiogPublicAccountability))),
            [OgpColumns.StarredEndOfTerm] = When(endOfTermReviewed, IrmCells.FormatFlag(Starred.Evaluate(design, endOfTermCompletion, StarRule.Irm2015))),
            [OgpColumns.RawCompletion] = When(reviewed, CompletionNumber(latestCompletion)),
            // The IRM writes 0, never ND, when the completion is unknown.
            [OgpColumns.HighCompletion] = Ambition.IsHighCompletion(latestCompletion) is { IsAssessed: true, Value: true } ? "1" : "0",
            [OgpColumns.NotReviewed] = reviewed ? "0" : "1",
            [OgpColumns.BindingConstraint] = IrmCells.FormatBindingConstraint(
                BindingConstraints.Find(design, midtermCompletion, endOfTermCompletion, reviewed, StarRule.Irm2015), reviewed),
        };
        CurrentMethodColumns.Write(cells, assessments, reviewed, endOfTermReviewed);
        return cells;
    }

    /// <summary>
    /// The rating columns the published reports froze (issue 10): each report's star, and from the latest report the
    /// commitment was reviewed in, Verifiable, _Relevant, High Ambition and the binding constraint, and the end of term's
    /// change in completion. The export writes these rather than recomputing them, so a published rating stays what was
    /// published even if a rule changes later; a column a report did not review is left to <see cref="Cells"/> (NR).
    /// Where the commitment has an Action Plan Review, its design columns are that review's, never the older reports'.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Frozen(CommitmentReview? midterm, CommitmentReview? endOfTerm, CommitmentReview? actionPlanReview = null)
    {
        static CommitmentReview? Reviewed(CommitmentReview? entry) => entry is { Panel.Count: > 0 } ? entry : null;
        var (mid, end) = (Reviewed(midterm), Reviewed(endOfTerm));
        var frozen = new Dictionary<string, string>();
        if (mid is not null) frozen[OgpColumns.StarredMidterm] = IrmCells.FormatFlag(mid.Starred);
        if (end is not null)
        {
            frozen[OgpColumns.StarredEndOfTerm] = IrmCells.FormatFlag(end.Starred);
            if (end.ChangeInCompletion is { } change) frozen[OgpColumns.ChangeInCompletion] = IrmCells.FormatCompletionChange(change);
        }
        if ((end ?? mid) is { } latest && Reviewed(actionPlanReview) is null)
        {
            frozen[OgpColumns.Verifiable] = IrmCells.FormatYesNo(latest.Verifiable);
            frozen[OgpColumns.Relevant] = IrmCells.FormatFlag(latest.Relevant);
            frozen[OgpColumns.HighAmbition] = IrmCells.FormatFlag(latest.HighAmbition);
            frozen[OgpColumns.BindingConstraint] = IrmCells.FormatBindingConstraint(latest.BindingConstraint);
        }
        return frozen;
    }

    /// <summary>Columns the consistency check compares: those Tracker derives rather than reads, and _Relevant where the values were rated.</summary>
    public static readonly IReadOnlyList<string> Compared = [.. OgpColumns.Derived, OgpColumns.Relevant];

    /// <summary>
    /// Whether a file's cell says the same as Tracker's: equal ignoring case and spaces, with the IRM's spellings of
    /// "no rating" (ND, NR, an empty cell, and FALSE in Binding constraint) equal to each other, and Yes/No equal to 1/0.
    /// </summary>
    public static bool SameRating(string? fileCell, string trackerCell) => Canonical(fileCell) == Canonical(trackerCell);

    private static string Canonical(string? cell) => (cell ?? "").Trim().ToUpperInvariant() switch
    {
        "" or IrmCells.NoData or IrmCells.NotReviewed or "FALSE" => "∅",
        "YES" => "1",
        "NO" => "0",
        var other => other,
    };

    private static bool IsDesign(Indicator indicator) =>
        indicator is Indicator.Specificity or Indicator.Relevance or Indicator.Relevant or Indicator.PotentialImpact;

    // The numeric twins (_Specificity, _CompletionProgress, …) use the numbers of the OGP file; a level the sample
    // never shows with a number (Withdrawn, Worsened) writes an empty cell rather than an invented number.
    private static string Number<T>(Rated<T> rated, Func<T, int> number) where T : struct, Enum =>
        rated.Match(level => number(level).ToString(System.Globalization.CultureInfo.InvariantCulture), IrmCells.NoData, IrmCells.NotApplicableCode);

    private static string CompletionNumber(Rated<Completion> completion) =>
        completion is { IsAssessed: true, Value: Completion.Withdrawn } ? "" : Number(completion, level => (int)level + 2);

    private static string ChangeNumber(Rated<CompletionChange> change, Rated<Completion> midterm, Rated<Completion> endOfTerm) =>
        change.IsAssessed
            ? ((int)endOfTerm.Value - (int)midterm.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : IrmCells.FormatCompletionChange(change);

    private static string OverallEffectNumber(Rated<OpenGovernmentEffect> effect) =>
        effect is { IsAssessed: true, Value: OpenGovernmentEffect.Worsened } ? "" : Number(effect, level => (int)level);

    // The per-value columns count Not Applicable as 0 and Did Not Change as 2.
    private static string ValueEffectNumber(Rated<OpenGovernmentEffect> effect) => effect.State switch
    {
        RatingState.NotApplicable => "0",
        RatingState.Assessed when effect.Value == OpenGovernmentEffect.Worsened => "",
        _ => Number(effect, level => (int)level + 1),
    };
}
