using Tracker.OpenData;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Tests.OpenData;

/// <summary>The export writes the ratings a published report froze, not a recomputation (issue 10).</summary>
public class reading_frozen_ratings
{
    // NL0005 at midterm: Medium, Moderate, relevant, Substantial: not a star (Moderate impact, 2015 rule).
    private static readonly Panel Nl0005 = new(new Dictionary<Indicator, PanelValue>
    {
        [Indicator.Specificity] = Final(Score.Of(Indicator.Specificity, Rated.Of(Specificity.Medium))),
        [Indicator.Relevance] = Final(Score.Of(Indicator.Relevance, Rated.Of<IReadOnlySet<OgpValue>>(new HashSet<OgpValue> { OgpValue.AccessToInformation }))),
        [Indicator.PotentialImpact] = Final(Score.Of(Indicator.PotentialImpact, Rated.Of(PotentialImpact.Moderate))),
        [Indicator.Completion] = Final(Score.Of(Indicator.Completion, Rated.Of(Completion.Substantial))),
    });

    private static PanelValue Final(Score score) => new(score, false, true, []);

    private static CommitmentReview Published() => CommitmentReview.Rate(new CommitmentFacts(Guid.CreateVersion7(), "NL0005", "5", "Open data", null, false,
        Rated.NotAssessed<Completion>(), Rated.NotAssessed<bool>(), 0, 0, null), Nl0005, ReportKind.Midterm, StarRule.Irm2015);

    [Fact]
    public void a_published_midterm_entry_gives_its_star_verifiability_ambition_and_binding_constraint()
    {
        var frozen = OgpRatings.Frozen(Published(), null);

        frozen[OgpColumns.StarredMidterm].ShouldBe("0");
        frozen[OgpColumns.Verifiable].ShouldBe("Yes");
        frozen[OgpColumns.HighAmbition].ShouldBe("1");
        frozen[OgpColumns.BindingConstraint].ShouldBe("PotImp"); // as the file says: Moderate is no star under the 2015 rule
        frozen.Keys.ShouldNotContain(OgpColumns.StarredEndOfTerm);
    }

    [Fact]
    public void what_a_report_froze_is_written_even_where_todays_rules_would_say_otherwise()
    {
        var frozen = OgpRatings.Frozen(Published() with { Starred = Rated.Of(true) }, null);
        var recomputed = OgpRatings.Cells(IrmAssessments.FromPublished(Published(), null));

        recomputed[OgpColumns.StarredMidterm].ShouldBe("0");
        frozen[OgpColumns.StarredMidterm].ShouldBe("1");
    }

    [Fact]
    public void an_entry_without_panel_values_was_not_reviewed_and_freezes_nothing()
    {
        OgpRatings.Frozen(Published() with { Panel = Panel.Empty }, null).ShouldBeEmpty();
    }
}
