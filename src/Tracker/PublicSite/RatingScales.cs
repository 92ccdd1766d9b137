namespace Tracker.PublicSite;

/// <summary>One level of a rating scale with the IRM's definition of it (product.md §3).</summary>
public sealed record ScaleLevel(string Value, string Label, string Definition);

/// <summary>A rating scale as the commitment page shows it: every level, the one given marked, its definition beside it.</summary>
public sealed record RatingScale(string Name, IReadOnlyList<ScaleLevel> Levels)
{
    /// <summary>Specificity (IRM 2011–2020 method).</summary>
    public static readonly RatingScale Specificity = new("Specificity",
    [
        new("none", "None", "No verifiable deliverables."),
        new("low", "Low", "Activity measurable only with interpretation."),
        new("medium", "Medium", "Objectively verifiable activity, but no clear milestones."),
        new("high", "High", "Clear, measurable, verifiable milestones."),
    ]);

    /// <summary>Potential impact.</summary>
    public static readonly RatingScale PotentialImpact = new("Potential impact",
    [
        new("none", "None", "The status quo: no change."),
        new("minor", "Minor", "An incremental positive step."),
        new("moderate", "Moderate", "A major step, but limited in scale or scope."),
        new("transformative", "Transformative", "Could transform “business as usual”."),
    ]);

    /// <summary>Completion, at midterm or at end of term.</summary>
    public static readonly RatingScale Completion = new("Completion",
    [
        new("notStarted", "Not started", "No work has begun."),
        new("limited", "Limited", "Some work done, less than substantial."),
        new("substantial", "Substantial", "Most of the work done."),
        new("complete", "Complete", "All of the work done."),
        new("withdrawn", "Withdrawn", "The government withdrew the commitment."),
    ]);

    /// <summary>Did it open government?</summary>
    public static readonly RatingScale DidItOpenGovernment = new("Did it open government?",
    [
        new("worsened", "Worsened", "Government openness worsened."),
        new("didNotChange", "Did not change", "Government practice did not change."),
        new("marginal", "Marginal", "Some change, but minor in effect."),
        new("major", "Major", "A step forward, limited in scope or scale."),
        new("outstanding", "Outstanding", "Transformed “business as usual”."),
    ]);

    /// <summary>The OGP values a commitment can be relevant to.</summary>
    public static readonly IReadOnlyList<ScaleLevel> OgpValues =
    [
        new("accessToInformation", "Access to information", "Discloses more information, or improves its quality or accessibility."),
        new("civicParticipation", "Civic participation", "Creates or improves opportunities for the public to inform or influence decisions."),
        new("publicAccountability", "Public accountability", "Creates or improves opportunities to hold officials answerable for their actions."),
        new("technologyAndInnovation", "Technology and innovation for transparency and accountability", "Counts only together with one of the other three values."),
    ];
}
