using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>A reviewer's latest value for an indicator.</summary>
public sealed record ReviewerValue(string ReviewerId, string Value, string? Rationale);

/// <summary>The panel's value for one indicator: consensus (median) or the lead reviewer's final value, and who said what.</summary>
public sealed record PanelValue(string Value, bool Disagreement, bool IsFinal, IReadOnlyList<ReviewerValue> Reviewers)
{
    /// <summary>Nobody assessed it.</summary>
    public static readonly PanelValue None = new(RatingText.NotAssessed, false, false, []);
}

/// <summary>What the events say about a commitment as of the report's cutoff, independent of reviewers' judgement.</summary>
/// <param name="ComputedCompletion">Completion computed from the milestones' latest progress as of the cutoff.</param>
/// <param name="ComputedOnTime">Whether every milestone due by the cutoff was complete by its (re-baselined) end.</param>
/// <param name="MidtermPanel">At end of term: the midterm report's panel values (its completion and design ratings).</param>
public sealed record CommitmentFacts(Guid CommitmentId, string Code, string Number, string Title, string? LeadInstitution,
    bool Withdrawn, string ComputedCompletion, bool? ComputedOnTime, int OverdueMilestones, int Milestones,
    IReadOnlyDictionary<Indicator, PanelValue>? MidtermPanel);

/// <summary>
/// One commitment's entry in a midterm or end-of-term review (product.md §4 and §5): the design ratings, completion
/// (assessed and computed), on time, star and binding constraint, and at end of term the change in completion and
/// "did it open government?". Every rating is computed by the pure functions of <c>Tracker.Ratings</c>.
/// </summary>
public sealed record CommitmentReview(
    Guid CommitmentId, string Code, string Number, string Title, string? LeadInstitution,
    string Specificity, bool? Verifiable, string Relevance, bool? Relevant, string PotentialImpact, bool? HighAmbition,
    string Completion, string ComputedCompletion, bool CompletionDisagreement, bool? HighCompletion,
    bool? OnTime, bool? ComputedOnTime, int OverdueMilestones,
    bool? Starred, BindingConstraint BindingConstraint,
    string? MidtermCompletion, string? ChangeInCompletion,
    string? DidItOpenGovernment, string? DidItOpenGovernmentAccessToInformation, string? DidItOpenGovernmentCivicParticipation,
    string? DidItOpenGovernmentPublicAccountability,
    IReadOnlyDictionary<Indicator, PanelValue> Panel, CommitmentFacts Facts)
{
    /// <summary>Rates a commitment from the panel's values and the facts.</summary>
    public static CommitmentReview Rate(CommitmentFacts facts, IReadOnlyDictionary<Indicator, PanelValue> panel, ReportKind kind, StarRule rule)
    {
        string Own(Indicator i) => panel.TryGetValue(i, out var p) ? p.Value : RatingText.NotAssessed;
        // At end of term the design ratings are the midterm's unless the end-of-term report re-assessed them.
        string Design(Indicator i) => Own(i) is var own && own != RatingText.NotAssessed ? own
            : facts.MidtermPanel?.TryGetValue(i, out var m) == true ? m.Value : RatingText.NotAssessed;

        var design = new DesignAssessment(
            RatingText.Parse<Specificity>(Design(Indicator.Specificity)),
            RatingText.ParseSet(Design(Indicator.Relevance)),
            RatingText.Parse<PotentialImpact>(Design(Indicator.PotentialImpact)),
            panel.ContainsKey(Indicator.Relevant) || facts.MidtermPanel?.ContainsKey(Indicator.Relevant) == true
                ? RatingText.ParseBool(Design(Indicator.Relevant)) : null);
        var completion = RatingText.Parse<Completion>(Own(Indicator.Completion));
        var midtermCompletion = kind == ReportKind.Midterm ? completion
            : RatingText.Parse<Completion>(facts.MidtermPanel?.TryGetValue(Indicator.Completion, out var mc) == true ? mc.Value : null);
        var endCompletion = kind == ReportKind.EndOfTerm ? completion : Rated.NotAssessed<Completion>();
        var computed = RatingText.Parse<Completion>(facts.ComputedCompletion);
        var assessedOnTime = RatingText.ParseBool(Own(Indicator.OnTime));
        var reviewed = panel.Values.Any(p => p.Value is not RatingText.NotAssessed) || facts.MidtermPanel?.Count > 0;
        var endOfTerm = kind == ReportKind.EndOfTerm;

        return new CommitmentReview(
            facts.CommitmentId, facts.Code, facts.Number, facts.Title, facts.LeadInstitution,
            RatingText.Format(design.Specificity), RatingText.Format(Verifiability.IsVerifiable(design.Specificity)),
            RatingText.FormatSet(design.Values), RatingText.Format(design.Relevant), RatingText.Format(design.PotentialImpact),
            RatingText.Format(Ambition.IsHighAmbition(design.PotentialImpact, design.Relevant)),
            RatingText.Format(completion), facts.ComputedCompletion,
            completion.IsAssessed && computed.IsAssessed && completion.Value != computed.Value,
            RatingText.Format(Ambition.IsHighCompletion(completion)),
            assessedOnTime.IsAssessed ? assessedOnTime.Value : facts.ComputedOnTime, facts.ComputedOnTime, facts.OverdueMilestones,
            RatingText.Format(Ratings.Starred.Evaluate(design, completion, rule)),
            BindingConstraints.Find(design, midtermCompletion, endCompletion, reviewed, rule),
            endOfTerm ? RatingText.Format(midtermCompletion) : null,
            endOfTerm ? RatingText.Format(CompletionChanges.Between(midtermCompletion, endCompletion)) : null,
            endOfTerm ? Own(Indicator.DidItOpenGovernment) : null,
            endOfTerm ? Own(Indicator.DiogAccessToInformation) : null,
            endOfTerm ? Own(Indicator.DiogCivicParticipation) : null,
            endOfTerm ? Own(Indicator.DiogPublicAccountability) : null,
            panel, facts);
    }

    /// <summary>This entry with one indicator corrected by an erratum, every dependent rating recomputed.</summary>
    public CommitmentReview Corrected(Indicator indicator, string value, ReportKind kind, StarRule rule)
    {
        var panel = new Dictionary<Indicator, PanelValue>(Panel)
        {
            [indicator] = new PanelValue(value, false, true, Panel.TryGetValue(indicator, out var p) ? p.Reviewers : []),
        };
        return Rate(Facts, panel, kind, rule);
    }
}
