using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>Which IRM method a report follows, named by the year it took effect: every report says which.</summary>
public enum ReviewMethod
{
    /// <summary>Progress and end-of-term reports, 2011–2020: specificity, relevance, potential impact, completion, star.</summary>
    Irm2011,

    /// <summary>Action Plan Review and Results Report, since 2021: verifiable, open-government lens, potential for results, early results.</summary>
    Irm2021,
}

/// <summary>The indicators each kind of report assesses, and the method it follows.</summary>
public static class ReviewMethods
{
    /// <summary>The method of <paramref name="kind"/>.</summary>
    public static ReviewMethod Of(ReportKind kind) => kind is ReportKind.ActionPlanReview or ReportKind.ResultsReport
        ? ReviewMethod.Irm2021 : ReviewMethod.Irm2011;

    /// <summary>The indicators a report of <paramref name="kind"/> assesses.</summary>
    public static IReadOnlyList<Indicator> Indicators(ReportKind kind) => kind switch
    {
        // Verifiable and Relevant are the yes/no verdicts the IRM's design reports of 2019–2020 gave without a Specificity
        // or per-value ratings (PY0038, NL0035); when recorded, they win over the values derived from those.
        ReportKind.Midterm => [Indicator.Specificity, Indicator.Verifiable, Indicator.Relevance, Indicator.Relevant, Indicator.PotentialImpact,
            Indicator.Completion, Indicator.OnTime],
        ReportKind.EndOfTerm => [Indicator.Specificity, Indicator.Verifiable, Indicator.Relevance, Indicator.Relevant, Indicator.PotentialImpact,
            Indicator.Completion, Indicator.OnTime,
            Indicator.DidItOpenGovernment, Indicator.DiogAccessToInformation, Indicator.DiogCivicParticipation, Indicator.DiogPublicAccountability],
        ReportKind.ActionPlanReview => [Indicator.Verifiable, Indicator.OpenGovernmentLens, Indicator.PotentialForResults, Indicator.Promising],
        ReportKind.ResultsReport => [Indicator.ResultsCompletion, Indicator.EarlyResults],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown report kind."),
    };
}

/// <summary>
/// One commitment's ratings under the IRM method since 2021: the Action Plan Review's design assessment, or the
/// Results Report's completion and early results.
/// </summary>
/// <param name="Method">The method the ratings follow.</param>
/// <param name="Cluster">The cluster the commitment was assessed in, when the IRM assessed several together.</param>
public sealed record CurrentMethodReview(ReviewMethod Method, Rated<bool> Verifiable, Rated<bool> OpenGovernmentLens,
    Rated<PotentialForResults> PotentialForResults, Rated<bool> Promising, Rated<ResultsCompletion> Completion, Rated<EarlyResults> EarlyResults,
    string? Cluster = null)
{
    /// <summary>
    /// Rates a commitment from the panel. In an Action Plan Review, potential for results and "promising" are judged only
    /// for a commitment that is verifiable and has an open-government lens: for any other they do not apply (the IRM
    /// does not assess it further). A Results Report carries completion and early results as the panel gave them.
    /// </summary>
    public static CurrentMethodReview Rate(Panel panel, ReportKind kind, string? cluster = null)
    {
        if (kind == ReportKind.ResultsReport)
            return new(ReviewMethod.Irm2021, Rated.NotAssessed<bool>(), Rated.NotAssessed<bool>(), Rated.NotAssessed<PotentialForResults>(),
                Rated.NotAssessed<bool>(), panel.Rating<ResultsCompletion>(Indicator.ResultsCompletion), panel.Rating<EarlyResults>(Indicator.EarlyResults), cluster);

        var verifiable = panel.Rating<bool>(Indicator.Verifiable);
        var lens = panel.Rating<bool>(Indicator.OpenGovernmentLens);
        var furtherAssessed = AssessedFurther(verifiable, lens);
        return new(ReviewMethod.Irm2021, verifiable, lens,
            furtherAssessed ? panel.Rating<PotentialForResults>(Indicator.PotentialForResults) : Rated.NotApplicable<PotentialForResults>(),
            furtherAssessed ? panel.Rating<bool>(Indicator.Promising) : Rated.NotApplicable<bool>(),
            Rated.NotAssessed<ResultsCompletion>(), Rated.NotAssessed<EarlyResults>(), cluster);
    }

    /// <summary>
    /// Whether potential for results is judged: unless the commitment is known not to be verifiable or known to lack an
    /// open-government lens (a No on either). Not yet assessed is not a No.
    /// </summary>
    public static bool AssessedFurther(Rated<bool> verifiable, Rated<bool> openGovernmentLens) =>
        verifiable is not { IsAssessed: true, Value: false } && openGovernmentLens is not { IsAssessed: true, Value: false }
        && verifiable.State != RatingState.NotApplicable && openGovernmentLens.State != RatingState.NotApplicable;
}
