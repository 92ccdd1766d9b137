using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class binding_constraint
{
    // Written from product.md §4 for a reviewed commitment (with the latest completion, see BindingConstraints.Find),
    // independently of it: each criterion is true, false or unknown; the first false one binds.
    private static BindingConstraint Expected(
        Rated<Specificity> specificity, Rated<bool> relevant, Rated<PotentialImpact> impact,
        Rated<Completion> midterm, Rated<Completion> endOfTerm)
    {
        var latest = endOfTerm.IsAssessed ? endOfTerm : midterm;
        (BindingConstraint Constraint, bool? Met)[] criteria =
        [
            (BindingConstraint.Spec, specificity.IsAssessed ? specificity.Value >= Specificity.Medium : null),
            (BindingConstraint.Rel, relevant.IsAssessed ? relevant.Value : null),
            (BindingConstraint.PotImp, impact.IsAssessed ? impact.Value == PotentialImpact.Transformative : null),
            (BindingConstraint.Cmpl, latest.IsAssessed ? latest.Value is Completion.Substantial or Completion.Complete : null),
        ];

        var failing = criteria.Where(criterion => criterion.Met == false).Select(criterion => (BindingConstraint?)criterion.Constraint).FirstOrDefault();
        return failing ?? (criteria.All(criterion => criterion.Met == true) ? BindingConstraint.Star : BindingConstraint.NotAssessed);
    }

    private static IEnumerable<(Rated<Specificity> Specificity, (Rated<IReadOnlySet<OgpValue>> Values, Rated<bool>? Recorded, Rated<bool> Relevant) Relevance,
        Rated<PotentialImpact> Impact, Rated<Completion> Midterm, Rated<Completion> EndOfTerm)> Inputs() =>
        from specificity in Levels.Of<Specificity>()
        from relevance in RelevanceCases.All
        from impact in Levels.Of<PotentialImpact>()
        from midterm in Levels.Of<Completion>()
        from endOfTerm in Levels.Of<Completion>()
        select (specificity, relevance, impact, midterm, endOfTerm);

    public static TheoryData<Rated<Specificity>, Rated<IReadOnlySet<OgpValue>>, Rated<bool>?, Rated<PotentialImpact>, Rated<Completion>, Rated<Completion>, BindingConstraint> every_combination
    {
        get
        {
            var data = new TheoryData<Rated<Specificity>, Rated<IReadOnlySet<OgpValue>>, Rated<bool>?, Rated<PotentialImpact>, Rated<Completion>, Rated<Completion>, BindingConstraint>();
            foreach (var (specificity, relevance, impact, midterm, endOfTerm) in Inputs())
            {
                data.Add(specificity, relevance.Values, relevance.Recorded, impact, midterm, endOfTerm,
                    Expected(specificity, relevance.Relevant, impact, midterm, endOfTerm));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_combination))]
    public void the_first_assessed_criterion_that_fails_binds(
        Rated<Specificity> specificity, Rated<IReadOnlySet<OgpValue>> values, Rated<bool>? recorded, Rated<PotentialImpact> impact,
        Rated<Completion> midterm, Rated<Completion> endOfTerm, BindingConstraint expected) =>
        BindingConstraints.Find(new DesignAssessment(specificity, values, impact, recorded), midterm, endOfTerm, reviewed: true, StarRule.Irm2015).ShouldBe(expected);

    [Fact]
    public void the_table_is_the_full_cross_product() =>
        every_combination.Count().ShouldBe(6 * 8 * 6 * 7 * 7);

    [Fact]
    public void a_commitment_not_reviewed_has_no_binding_constraint_whatever_its_ratings()
    {
        var named = Inputs()
            .Select(input => (input, found: BindingConstraints.Find(
                new DesignAssessment(input.Specificity, input.Relevance.Values, input.Impact, input.Relevance.Recorded), input.Midterm, input.EndOfTerm, reviewed: false, StarRule.Irm2015)))
            .Where(result => result.found != BindingConstraint.NotAssessed)
            .Select(result => $"{result.input}: {result.found}");

        named.ShouldBeEmpty();
        Inputs().Count().ShouldBe(6 * 8 * 6 * 7 * 7);
    }

    [Theory]
    [InlineData(StarRule.Irm2015)]
    [InlineData(StarRule.Irm2014)]
    public void star_is_named_exactly_when_the_commitment_is_starred_on_its_latest_completion_under_the_reports_rule(StarRule rule)
    {
        var disagreements = new List<string>();
        foreach (var (specificity, relevance, impact, midterm, endOfTerm) in Inputs())
        {
            var design = new DesignAssessment(specificity, relevance.Values, impact, relevance.Recorded);
            var named = BindingConstraints.Find(design, midterm, endOfTerm, reviewed: true, rule) == BindingConstraint.Star;
            var starred = Starred.Evaluate(design, LatestCompletion.Of(midterm, endOfTerm), rule) == Rated.Of(true);
            if (named != starred)
            {
                disagreements.Add($"{design} midterm {midterm} end {endOfTerm}: named Star {named}, starred {starred}");
            }
        }

        disagreements.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StarRule.Irm2014, BindingConstraint.Star)]
    [InlineData(StarRule.Irm2015, BindingConstraint.PotImp)]
    public void a_moderate_ambition_binds_only_under_the_current_formula(StarRule rule, BindingConstraint expected)
    {
        // Medium specificity, relevant to civic participation, moderate impact, complete at end of term: starred under
        // the 2014 rule (NL0005 in the sample is 1 in "Starred (2015 Only)"), bound by its ambition under the current one.
        var design = Design(Specificity.Medium, PotentialImpact.Moderate, OgpValue.CivicParticipation);

        BindingConstraints.Find(design, Rated.Of(Completion.Substantial), Rated.Of(Completion.Complete), reviewed: true, rule).ShouldBe(expected);
    }

    private static DesignAssessment Design(Specificity specificity, PotentialImpact impact, params OgpValue[] values) =>
        new(Rated.Of(specificity), Levels.Values(values), Rated.Of(impact));

    private static readonly DesignAssessment Unrated = new(
        Rated.NotAssessed<Specificity>(), Rated.NotAssessed<IReadOnlySet<OgpValue>>(), Rated.NotAssessed<PotentialImpact>());

    private static readonly Rated<Completion> Nd = Rated.NotAssessed<Completion>();

    public static TheoryData<string, DesignAssessment, Rated<Completion>, Rated<Completion>, bool, BindingConstraint> irm_examples => new()
    {
        { "NL0006: Low specificity binds first", Design(Specificity.Low, PotentialImpact.None, OgpValue.AccessToInformation), Rated.Of(Completion.Substantial), Rated.Of(Completion.NotStarted), true, BindingConstraint.Spec },
        { "PY0068: no value, Specificity ND is skipped", new DesignAssessment(Rated.NotAssessed<Specificity>(), Levels.Values(), Rated.Of(PotentialImpact.None)), Nd, Rated.Of(Completion.Complete), true, BindingConstraint.Rel },
        { "GH0017: Transformative but not relevant", Design(Specificity.High, PotentialImpact.Transformative), Rated.Of(Completion.Limited), Rated.Of(Completion.Substantial), true, BindingConstraint.Rel },
        { "NL0003: Minor impact", Design(Specificity.High, PotentialImpact.Minor, OgpValue.AccessToInformation, OgpValue.PublicAccountability), Rated.Of(Completion.Substantial), Rated.Of(Completion.Limited), true, BindingConstraint.PotImp },
        { "GH0003: Limited at both reports", Design(Specificity.High, PotentialImpact.Transformative, OgpValue.AccessToInformation), Rated.Of(Completion.Limited), Rated.Of(Completion.Limited), true, BindingConstraint.Cmpl },
        { "GH0018: starred", Design(Specificity.High, PotentialImpact.Transformative, OgpValue.AccessToInformation), Rated.Of(Completion.Substantial), Rated.Of(Completion.Substantial), true, BindingConstraint.Star },
        { "UA0018: starred on the midterm, no end-of-term report", Design(Specificity.Medium, PotentialImpact.Transformative, OgpValue.PublicAccountability), Rated.Of(Completion.Complete), Nd, true, BindingConstraint.Star },
        { "GH0031: recorded relevance 0, values ND", Unrated with { RecordedRelevance = Rated.Of(false) }, Nd, Nd, true, BindingConstraint.Rel },
        { "UA0087: only relevance and end-of-term completion rated", Unrated with { RecordedRelevance = Rated.Of(true) }, Nd, Rated.Of(Completion.Limited), true, BindingConstraint.Cmpl },
        { "NL0039: nothing fails, design ND — FALSE in the file", Unrated with { RecordedRelevance = Rated.Of(true) }, Nd, Rated.Of(Completion.Substantial), true, BindingConstraint.NotAssessed },
        { "GH0056: not reviewed — NR in the file", Unrated, Nd, Nd, false, BindingConstraint.NotAssessed },
        { "HR0015 (full export): completion fell to Limited at end of term", Design(Specificity.Medium, PotentialImpact.Transformative, OgpValue.AccessToInformation), Rated.Of(Completion.Substantial), Rated.Of(Completion.Limited), true, BindingConstraint.Cmpl },
        { "a withdrawn commitment fails completion", Design(Specificity.High, PotentialImpact.Transformative, OgpValue.AccessToInformation), Rated.Of(Completion.Complete), Rated.Of(Completion.Withdrawn), true, BindingConstraint.Cmpl },
        { "a not-reviewed commitment names nothing even when rated", Design(Specificity.Low, PotentialImpact.None), Rated.Of(Completion.Limited), Nd, false, BindingConstraint.NotAssessed },
    };

    [Theory]
    [MemberData(nameof(irm_examples))]
    public void the_irm_examples_bind_where_the_irm_says(
        string example, DesignAssessment design, Rated<Completion> midterm, Rated<Completion> endOfTerm, bool reviewed, BindingConstraint expected)
    {
        _ = example;
        BindingConstraints.Find(design, midterm, endOfTerm, reviewed, StarRule.Irm2015).ShouldBe(expected);
    }
}
