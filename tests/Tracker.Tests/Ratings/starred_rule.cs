using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// product.md §4: Starred = Specificity ∈ {Medium, High} ∧ Relevant ∧ Potential impact Transformative (rule 2014:
/// Moderate or Transformative) ∧ Completion ∈ {Substantial, Complete}; not assessed inputs make the star not
/// assessed, not "No". Rows name the sample commitment (ogp-commitments-sample.csv) and the report they come from:
/// "midterm" is `Completion (Progress Report)` against `Starred (Current Formula) Progress Report` (and, for
/// Irm2014, `Starred (2015 Only)`); "end" is `Completion (End Of Term)` against `Starred (Current Formula) End of Term`.
/// </summary>
public class starred_rule
{
    [Theory]
    //          Specificity  OGP values        Potential impact  Completion     rule              star
    // Every criterion met.
    [InlineData("High", "ATI CP PA", "Transformative", "Substantial", StarRule.Irm2015, "starred")] // GH0018 midterm: 1
    [InlineData("Medium", "PA", "Transformative", "Complete", StarRule.Irm2015, "starred")] // UA0018 midterm: 1 (Medium is verifiable)
    [InlineData("Medium", "ATI", "Transformative", "Complete", StarRule.Irm2015, "starred")] // PY0016 end: 1
    [InlineData("High", "ATI Tech", "Transformative", "Complete", StarRule.Irm2015, "starred")] // UA0038 midterm: 1 (technology beside ATI)
    // Specificity: below Medium is not verifiable.
    [InlineData("Low", "ATI CP PA Tech", "None", "Complete", StarRule.Irm2015, "not starred")] // NL0007 midterm: 0
    [InlineData("Low", "ATI", "Transformative", "Complete", StarRule.Irm2015, "not starred")] // §4: Low fails alone
    [InlineData("None", "ATI", "Transformative", "Complete", StarRule.Irm2015, "not starred")] // §4: None fails alone
    // Relevance: at least one of ATI, CP, PA, or the review's recorded verdict.
    [InlineData("High", "none", "Transformative", "Substantial", StarRule.Irm2015, "not starred")] // UA0048 midterm: 0
    [InlineData("High", "Tech", "Transformative", "Complete", StarRule.Irm2015, "not starred")] // §4: technology alone does not count
    [InlineData("High", "_Relevant 1", "Transformative", "Complete", StarRule.Irm2015, "starred")] // 2020+ review: the verdict counts
    [InlineData("High", "_Relevant 0", "Transformative", "Complete", StarRule.Irm2015, "not starred")] // GH0031's verdict, otherwise starred
    // Potential impact: Transformative under the current formula, Moderate is enough under rule 2014.
    [InlineData("Medium", "ATI CP PA Tech", "Moderate", "Substantial", StarRule.Irm2015, "not starred")] // NL0005 midterm: 0
    [InlineData("Medium", "ATI CP PA Tech", "Moderate", "Substantial", StarRule.Irm2014, "starred")] // NL0005 midterm, `Starred (2015 Only)`: 1
    [InlineData("Medium", "CP", "Moderate", "Substantial", StarRule.Irm2014, "starred")] // UA0068 midterm, `Starred (2015 Only)`: 1
    [InlineData("High", "ATI", "Transformative", "Complete", StarRule.Irm2014, "starred")] // UA0037 midterm, `Starred (2015 Only)`: 1
    [InlineData("High", "ATI", "Minor", "Substantial", StarRule.Irm2015, "not starred")] // UA0009 midterm: 0
    [InlineData("High", "ATI", "Minor", "Substantial", StarRule.Irm2014, "not starred")] // UA0009 midterm, `Starred (2015 Only)`: 0
    [InlineData("High", "ATI", "None", "Complete", StarRule.Irm2014, "not starred")] // §4: None is below Moderate
    // Completion: Substantial or Complete; Withdrawn is neither.
    [InlineData("High", "ATI CP", "Transformative", "Limited", StarRule.Irm2015, "not starred")] // GH0003 midterm: 0
    [InlineData("Medium", "ATI Tech", "Moderate", "NotStarted", StarRule.Irm2014, "not starred")] // PY0009 midterm, `Starred (2015 Only)`: 0
    [InlineData("High", "ATI", "Transformative", "NotStarted", StarRule.Irm2015, "not starred")] // §4: NotStarted fails alone
    [InlineData("High", "ATI", "Transformative", "Withdrawn", StarRule.Irm2015, "not starred")] // §3: Withdrawn is outside the completion order
    [InlineData("High", "ATI", "Transformative", "Withdrawn", StarRule.Irm2014, "not starred")] // the same under rule 2014
    // An input not assessed: not assessed, even when an assessed input already fails.
    [InlineData("Medium", "ATI Tech", "Moderate", "ND", StarRule.Irm2015, "ND")] // PY0009 end: ND although Moderate fails
    [InlineData("Medium", "ATI Tech", "Moderate", "ND", StarRule.Irm2014, "ND")] // the same under rule 2014, where nothing fails
    [InlineData("ND", "ATI", "Minor", "Limited", StarRule.Irm2015, "ND")] // NL0035 end: ND although Minor and Limited fail
    [InlineData("ND", "CP", "Minor", "Complete", StarRule.Irm2015, "ND")] // PY0055 end: ND
    [InlineData("ND", "ATI PA", "Moderate", "Limited", StarRule.Irm2015, "ND")] // GH0021 end: the IRM wrote 0, one of its two exceptions
    [InlineData("ND", "_Relevant 1", "ND", "Substantial", StarRule.Irm2015, "ND")] // NL0039 end: ND
    [InlineData("High", "ND", "Transformative", "Complete", StarRule.Irm2015, "ND")] // §4: values not rated
    [InlineData("High", "ATI", "ND", "Complete", StarRule.Irm2015, "ND")] // §4: impact not rated
    // An input not applicable: not applicable, and NA wins over ND and over a failing input.
    [InlineData("High", "ATI", "Transformative", "NA", StarRule.Irm2015, "NA")] // the IRM writes NA for the star when the midterm completion is NA
    [InlineData("NA", "ATI", "Transformative", "Complete", StarRule.Irm2015, "NA")] // §3: every indicator is tri-state
    [InlineData("High", "NA", "Transformative", "Complete", StarRule.Irm2015, "NA")]
    [InlineData("High", "ATI", "NA", "Complete", StarRule.Irm2014, "NA")]
    [InlineData("ND", "ATI", "Transformative", "NA", StarRule.Irm2015, "NA")] // AR0045 midterm (full IRM export): Specificity ND, completion NA → NA
    [InlineData("Low", "ATI", "Transformative", "NA", StarRule.Irm2015, "NA")] // NA even when Low already fails
    public void a_commitment_is_starred_when_specific_relevant_ambitious_enough_for_the_rule_and_substantially_complete(
        string specificity, string values, string impact, string completion, StarRule rule, string star) =>
        Starred.Evaluate(Cell.Design(specificity, values, impact), Cell.Of<Completion>(completion), rule).ShouldBe(Cell.Flag(star));

    [Fact]
    public void the_current_formula_is_the_default_rule() =>
        // NL0005 midterm: starred under rule 2014, not under the current formula.
        Starred.Evaluate(Cell.Design("Medium", "ATI CP PA Tech", "Moderate"), Rated.Of(Completion.Substantial)).ShouldBe(Rated.Of(false));

    [Theory]
    [InlineData(StarRule.Irm2015, PotentialImpact.Transformative)]
    [InlineData(StarRule.Irm2014, PotentialImpact.Moderate)]
    public void each_rule_names_its_minimum_impact(StarRule rule, PotentialImpact minimum) =>
        Starred.MinimumImpact(rule).ShouldBe(minimum);

    [Fact]
    public void an_unknown_rule_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Starred.MinimumImpact((StarRule)99));

    [Fact]
    public void every_star_of_the_current_formula_is_a_star_of_rule_2014_and_the_rules_differ_only_on_assessed_values()
    {
        var differences = (
            from design in Levels.Designs()
            from completion in Levels.Of<Completion>()
            let current = Starred.Evaluate(design, completion, StarRule.Irm2015)
            let earlier = Starred.Evaluate(design, completion, StarRule.Irm2014)
            where current != earlier
            select (current, earlier)).ToList();

        differences.ShouldAllBe(pair => pair.current == Rated.Of(false) && pair.earlier == Rated.Of(true));
        differences.ShouldNotBeEmpty();
    }

    [Fact]
    public void an_input_that_does_not_apply_makes_the_star_not_applicable_whatever_the_others()
    {
        var stars = (
            from design in Levels.Designs()
            from completion in Levels.Of<Completion>()
            from rule in Enum.GetValues<StarRule>()
            where design.Specificity.State == RatingState.NotApplicable || design.Relevant.State == RatingState.NotApplicable
                || design.PotentialImpact.State == RatingState.NotApplicable || completion.State == RatingState.NotApplicable
            select Starred.Evaluate(design, completion, rule)).ToList();

        stars.ShouldAllBe(star => star == Rated.NotApplicable<bool>());
        stars.Count.ShouldBeGreaterThan(1000);
    }
}
