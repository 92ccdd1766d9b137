namespace Tracker.Ratings;

/// <summary>Why a commitment is not starred: the first star criterion it fails.</summary>
public static class BindingConstraints
{
    /// <summary>
    /// Checks, in order, Specificity ∈ {Medium, High} (Spec), Relevant (Rel), PotentialImpact at least the star rule's
    /// minimum (PotImp: Transformative under <see cref="StarRule.Irm2015"/>, Moderate under <see cref="StarRule.Irm2014"/>)
    /// and the latest completion ∈ {Substantial, Complete} (Cmpl), so a commitment is never starred and bound at once. A criterion whose input is not assessed
    /// (or not applicable) is skipped; the first assessed criterion that fails binds. If none fails: Star when
    /// every input was assessed, else NotAssessed. A commitment not reviewed at all is NotAssessed.
    /// </summary>
    /// <remarks>
    /// Completion is the latest one (end of term when assessed, else midterm), not the better of the two as
    /// product.md §4 says: the sample cannot tell them apart, but the full IRM export can — HR0015 (Medium,
    /// relevant, Transformative, Substantial at midterm, Limited at end of term) has binding constraint Cmpl, while
    /// "the better" would give Star. With the latest completion the function agrees with the IRM on all 57 sample
    /// rows that name a constraint, and Star coincides with <see cref="Starred.Evaluate"/> under
    /// <see cref="StarRule.Irm2015"/> for the latest completion. The file's FALSE (13 rows) and NR (9) are NotAssessed.
    /// </remarks>
    public static BindingConstraint Find(
        DesignAssessment design, Rated<Completion> midterm, Rated<Completion> endOfTerm, bool reviewed, StarRule rule)
    {
        if (!reviewed)
        {
            return BindingConstraint.NotAssessed;
        }

        (BindingConstraint Constraint, Rated<bool> Met)[] criteria =
        [
            (BindingConstraint.Spec, Verifiability.IsVerifiable(design.Specificity)),
            (BindingConstraint.Rel, design.Relevant),
            (BindingConstraint.PotImp, design.PotentialImpact.Map(impact => impact >= Starred.MinimumImpact(rule))),
            (BindingConstraint.Cmpl, Ambition.IsHighCompletion(LatestCompletion.Of(midterm, endOfTerm))),
        ];

        foreach (var (constraint, met) in criteria)
        {
            if (met.IsAssessed && !met.Value)
            {
                return constraint;
            }
        }

        return criteria.All(criterion => criterion.Met.IsAssessed) ? BindingConstraint.Star : BindingConstraint.NotAssessed;
    }
}
