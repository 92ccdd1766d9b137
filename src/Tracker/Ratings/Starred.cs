namespace Tracker.Ratings;

/// <summary>The IRM star: a verifiable, relevant, ambitious commitment that was substantially or fully completed.</summary>
public static class Starred
{
    /// <summary>
    /// Starred = Specificity ∈ {Medium, High} ∧ Relevant ∧ PotentialImpact ≥ the rule's minimum ∧
    /// Completion ∈ {Substantial, Complete}, for the completion of one report (midterm or end of term).
    /// </summary>
    /// <remarks>
    /// An input that is not assessed makes the star NotAssessed even when another, assessed input already fails;
    /// an input that is not applicable makes it NotApplicable (the IRM writes NA for the star when the midterm
    /// completion is NA). This is what the IRM file does: in the 79-row sample every row with all four inputs
    /// rated agrees with `Starred (Current Formula) Progress Report` (38 rows, with `Completion (Progress Report)`)
    /// and `Starred (Current Formula) End of Term` (30 rows, with `Completion (End Of Term)`); of the 41 cases where
    /// an input is ND/NR and an assessed one already fails, the IRM writes ND/NR in 39 (e.g. PY0009 end of term:
    /// Medium, Moderate, completion ND → ND) and 0 only in GH0021 and GH0025 (2017 plan, Specificity ND, rated on
    /// `Verifiable` instead). It never writes 1 for a row this function cannot assess.
    /// The sample's `Starred (2015 Only)` column is <see cref="StarRule.Irm2014"/> with the midterm completion
    /// (Moderate counts; NL0005 is 1 there and 0 under the current formula); it agrees on all 38 rated rows.
    /// </remarks>
    public static Rated<bool> Evaluate(DesignAssessment design, Rated<Completion> completion, StarRule rule = StarRule.Irm2015)
    {
        var minimumImpact = MinimumImpact(rule);
        var relevant = design.Relevant;
        RatingState[] states = [design.Specificity.State, relevant.State, design.PotentialImpact.State, completion.State];

        if (states.Contains(RatingState.NotApplicable))
        {
            return Rated.NotApplicable<bool>();
        }

        if (states.Contains(RatingState.NotAssessed))
        {
            return Rated.NotAssessed<bool>();
        }

        return Rated.Of(
            Verifiability.IsVerifiable(design.Specificity).Value
            && relevant.Value
            && design.PotentialImpact.Value >= minimumImpact
            && completion.Value is Completion.Substantial or Completion.Complete);
    }

    /// <summary>The lowest potential impact a rule accepts for a star.</summary>
    public static PotentialImpact MinimumImpact(StarRule rule) => rule switch
    {
        StarRule.Irm2015 => PotentialImpact.Transformative,
        StarRule.Irm2014 => PotentialImpact.Moderate,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown star rule."),
    };
}
