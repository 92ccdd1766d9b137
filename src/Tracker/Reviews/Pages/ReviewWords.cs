using Tracker.PublicSite;

namespace Tracker.Reviews.Pages;

/// <summary>Report kinds, methods and panel values in words, as the workbench pages write them.</summary>
public static class ReviewWords
{
    /// <summary>"Midterm review", "Action Plan Review" …</summary>
    public static string Kind(ReportKind kind) => kind switch
    {
        ReportKind.Midterm => "Midterm review",
        ReportKind.EndOfTerm => "End-of-term review",
        ReportKind.ActionPlanReview => "Action Plan Review",
        _ => "Results Report",
    };

    /// <summary>The IRM method a report follows.</summary>
    public static string Method(ReviewMethod method) => method == ReviewMethod.Irm2011
        ? "IRM 2011–2020 (specificity, relevance, potential impact, completion, star)"
        : "IRM since 2021 (verifiable, open-government lens, potential for results, results)";

    /// <summary>Where the panel stands on one indicator: its value, and whether it is final, agreed or disputed.</summary>
    public static string Panel(PanelValue? value) => value switch
    {
        null or { Reviewers.Count: 0, IsFinal: false } => "Not assessed yet",
        { IsFinal: true } => $"{Words.Rating(value.Value)} (final, recorded by the lead reviewer)",
        { Disagreement: true } => $"{Words.Rating(value.Value)} (consensus of {value.Reviewers.Count} reviewers, who disagree)",
        _ => $"{Words.Rating(value.Value)} ({(value.Reviewers.Count == 1 ? "one reviewer" : $"all {value.Reviewers.Count} reviewers agree")})",
    };
}
