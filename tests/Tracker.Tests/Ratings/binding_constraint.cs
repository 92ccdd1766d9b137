using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// product.md §4: the criteria are checked in the order Spec, Rel, PotImp (the star rule's minimum impact), Cmpl (the
/// latest assessed completion); a criterion whose input was not assessed is skipped, the first assessed one that
/// fails binds; Star when none fails and every input was assessed, else NotAssessed (the IRM file's FALSE); NR when
/// not reviewed. Rows name the sample commitment whose `Binding constraint` they reproduce.
/// </summary>
public class binding_constraint
{
    [Theory]
    // Columns: Specificity, OGP values, Potential impact, Completion (Progress Report), Completion (End Of Term), rule → constraint.
    // Spec binds first, whatever else fails.
    [InlineData("Low", "ATI CP PA Tech", "None", "Substantial", "NotStarted", StarRule.Irm2015, BindingConstraint.Spec)] // NL0006: PotImp and Cmpl fail too
    [InlineData("Low", "ATI CP PA Tech", "None", "Complete", "Complete", StarRule.Irm2015, BindingConstraint.Spec)] // NL0007
    [InlineData("Low", "ATI Tech", "Minor", "Limited", "Limited", StarRule.Irm2014, BindingConstraint.Spec)] // UA0060, under either rule
    [InlineData("None", "none", "Transformative", "Complete", "Complete", StarRule.Irm2015, BindingConstraint.Spec)] // §4 order: Spec before Rel
    // Rel binds when specificity passes or was not assessed.
    [InlineData("Medium", "none", "None", "Limited", "Limited", StarRule.Irm2015, BindingConstraint.Rel)] // GH0010: PotImp and Cmpl fail too
    [InlineData("High", "none", "Transformative", "Limited", "Substantial", StarRule.Irm2015, BindingConstraint.Rel)] // GH0017
    [InlineData("High", "none", "Moderate", "Substantial", "Substantial", StarRule.Irm2014, BindingConstraint.Rel)] // UA0049: starred under 2014 but for relevance
    [InlineData("High", "Tech", "Transformative", "Complete", "Complete", StarRule.Irm2015, BindingConstraint.Rel)] // §4: technology alone does not count
    [InlineData("ND", "none", "None", "ND", "Complete", StarRule.Irm2015, BindingConstraint.Rel)] // PY0068: Specificity ND is skipped
    [InlineData("ND", "_Relevant 0", "ND", "ND", "ND", StarRule.Irm2015, BindingConstraint.Rel)] // GH0031: only the verdict was recorded
    [InlineData("NA", "none", "Transformative", "Complete", "Complete", StarRule.Irm2015, BindingConstraint.Rel)] // a criterion that does not apply is skipped too
    // PotImp: Transformative under the current formula, Moderate under rule 2014.
    [InlineData("High", "ATI PA Tech", "Minor", "Substantial", "Limited", StarRule.Irm2015, BindingConstraint.PotImp)] // NL0003: before Cmpl
    [InlineData("Medium", "ATI CP PA Tech", "Moderate", "Substantial", "Complete", StarRule.Irm2015, BindingConstraint.PotImp)] // NL0005
    [InlineData("Medium", "ATI CP PA Tech", "Moderate", "Substantial", "Complete", StarRule.Irm2014, BindingConstraint.Star)] // NL0005 under rule 2014 (`Starred (2015 Only)` 1)
    [InlineData("High", "ATI CP PA", "Moderate", "NotStarted", "NotStarted", StarRule.Irm2015, BindingConstraint.PotImp)] // GH0001
    [InlineData("High", "ATI CP PA", "Moderate", "NotStarted", "NotStarted", StarRule.Irm2014, BindingConstraint.Cmpl)] // GH0001 under rule 2014: the next criterion binds
    [InlineData("High", "ATI", "Minor", "Substantial", "ND", StarRule.Irm2014, BindingConstraint.PotImp)] // UA0009: Minor fails under either rule
    [InlineData("High", "ATI", "None", "Complete", "Complete", StarRule.Irm2014, BindingConstraint.PotImp)] // §4: None is below Moderate
    [InlineData("ND", "ATI", "Minor", "ND", "Limited", StarRule.Irm2015, BindingConstraint.PotImp)] // NL0035: Specificity ND skipped, PotImp before Cmpl
    [InlineData("ND", "CP", "Minor", "ND", "Substantial", StarRule.Irm2015, BindingConstraint.PotImp)] // PY0038
    // Cmpl: the latest assessed completion, end of term when assessed, else midterm.
    [InlineData("High", "ATI CP", "Transformative", "Limited", "Limited", StarRule.Irm2015, BindingConstraint.Cmpl)] // GH0003
    [InlineData("Medium", "ATI", "Transformative", "Substantial", "Limited", StarRule.Irm2015, BindingConstraint.Cmpl)] // HR0015 (full IRM export): a drop at end of term binds
    [InlineData("High", "ATI", "Transformative", "Complete", "Withdrawn", StarRule.Irm2015, BindingConstraint.Cmpl)] // §3: Withdrawn is not Substantial or Complete
    [InlineData("High", "ATI", "Transformative", "NotStarted", "ND", StarRule.Irm2015, BindingConstraint.Cmpl)] // no end-of-term report: the midterm completion binds
    [InlineData("ND", "_Relevant 1", "ND", "ND", "Limited", StarRule.Irm2015, BindingConstraint.Cmpl)] // UA0087: only relevance and completion assessed
    // Star: every criterion assessed and met.
    [InlineData("High", "ATI CP PA", "Transformative", "Substantial", "Substantial", StarRule.Irm2015, BindingConstraint.Star)] // GH0018
    [InlineData("Medium", "ATI", "Transformative", "Substantial", "Complete", StarRule.Irm2015, BindingConstraint.Star)] // PY0016
    [InlineData("Medium", "PA", "Transformative", "Complete", "ND", StarRule.Irm2015, BindingConstraint.Star)] // UA0018: starred on the midterm, no end-of-term report
    [InlineData("High", "ATI", "Transformative", "Limited", "Substantial", StarRule.Irm2015, BindingConstraint.Star)] // a rise at end of term counts (GH0017's completions, relevant)
    [InlineData("High", "ATI", "Transformative", "NA", "Complete", StarRule.Irm2015, BindingConstraint.Star)] // no midterm report: the end-of-term completion stands
    [InlineData("High", "ATI", "Transformative", "Complete", "NA", StarRule.Irm2015, BindingConstraint.Star)] // no end-of-term report: the midterm completion stands
    // Nothing fails, something was not assessed: NotAssessed (FALSE in the file).
    [InlineData("ND", "_Relevant 1", "ND", "ND", "Substantial", StarRule.Irm2015, BindingConstraint.NotAssessed)] // NL0039
    [InlineData("ND", "_Relevant 1", "ND", "ND", "ND", StarRule.Irm2015, BindingConstraint.NotAssessed)] // GH0040
    [InlineData("High", "ATI", "Transformative", "ND", "ND", StarRule.Irm2015, BindingConstraint.NotAssessed)] // §4: every design criterion met, no completion
    [InlineData("High", "ATI", "Transformative", "NA", "NA", StarRule.Irm2015, BindingConstraint.NotAssessed)] // completion not applicable at either report
    [InlineData("High", "ND", "Transformative", "Complete", "Complete", StarRule.Irm2015, BindingConstraint.NotAssessed)] // §4: values not rated
    [InlineData("High", "ATI", "ND", "Complete", "Complete", StarRule.Irm2014, BindingConstraint.NotAssessed)] // §4: impact not rated
    public void the_first_assessed_criterion_that_fails_binds(
        string specificity, string values, string impact, string midterm, string endOfTerm, StarRule rule, BindingConstraint expected) =>
        BindingConstraints.Find(Cell.Design(specificity, values, impact), Cell.Of<Completion>(midterm), Cell.Of<Completion>(endOfTerm), reviewed: true, rule)
            .ShouldBe(expected);

    [Theory]
    [InlineData("ND", "ND", "ND", "ND", "ND")] // GH0056: NR in every cell — NR in the file
    [InlineData("Low", "none", "None", "Limited", "ND")] // ratings would bind Spec, but the commitment was not reviewed
    [InlineData("High", "ATI", "Transformative", "Complete", "Complete")] // ratings would make a star
    public void a_commitment_not_reviewed_names_no_constraint(string specificity, string values, string impact, string midterm, string endOfTerm) =>
        BindingConstraints.Find(Cell.Design(specificity, values, impact), Cell.Of<Completion>(midterm), Cell.Of<Completion>(endOfTerm), reviewed: false, StarRule.Irm2015)
            .ShouldBe(BindingConstraint.NotAssessed);

    [Theory]
    [InlineData(StarRule.Irm2015)]
    [InlineData(StarRule.Irm2014)]
    public void star_is_named_exactly_when_the_commitment_is_starred_on_its_latest_completion_under_the_reports_rule(StarRule rule)
    {
        // Two rules that must agree (BindingConstraints.Find's remark); neither restates the other.
        var disagreements = new List<string>();
        var compared = 0;
        foreach (var design in Levels.Designs())
        foreach (var midterm in Levels.Of<Completion>())
        foreach (var endOfTerm in Levels.Of<Completion>())
        {
            var named = BindingConstraints.Find(design, midterm, endOfTerm, reviewed: true, rule) == BindingConstraint.Star;
            var starred = Starred.Evaluate(design, LatestCompletion.Of(midterm, endOfTerm), rule) == Rated.Of(true);
            compared++;
            if (named != starred)
            {
                disagreements.Add($"{design} midterm {midterm} end {endOfTerm}: named Star {named}, starred {starred}");
            }
        }

        disagreements.ShouldBeEmpty();
        compared.ShouldBe(6 * 7 * 6 * 7 * 7);
    }
}
