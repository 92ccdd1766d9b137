using Tracker.Tests.Reviews;
using Tracker.OpenData;
using Tracker.Reviews;

namespace Tracker.Tests.OpenData;

/// <summary>The rating columns of the OGP file, computed from assessments by Tracker's rating functions.</summary>
public class computing_ogp_rating_columns
{
    private static readonly Dictionary<Indicator, Score> StarMidterm = new()
    {
        [Indicator.Specificity] = Scores.Read(Indicator.Specificity, "high"),
        [Indicator.Relevance] = Scores.Read(Indicator.Relevance, "accessToInformation,technologyAndInnovation"),
        [Indicator.PotentialImpact] = Scores.Read(Indicator.PotentialImpact, "transformative"),
        [Indicator.Completion] = Scores.Read(Indicator.Completion, "substantial"),
    };

    [Fact]
    public void a_commitment_never_reviewed_writes_nr_in_every_review_column_and_is_flagged_not_reviewed()
    {
        var cells = OgpRatings.Cells(IrmAssessments.None);

        cells.Where(c => c.Key is not (OgpColumns.NotReviewed or OgpColumns.HighCompletion)).ShouldAllBe(c => c.Value == "NR");
        cells[OgpColumns.NotReviewed].ShouldBe("1");
        cells[OgpColumns.HighCompletion].ShouldBe("0");
    }

    [Fact]
    public void a_verifiable_relevant_transformative_substantially_complete_commitment_is_starred_at_midterm()
    {
        var cells = OgpRatings.Cells(new IrmAssessments(StarMidterm, null));

        cells[OgpColumns.Verifiable].ShouldBe("Yes");
        cells[OgpColumns.Relevant].ShouldBe("1");
        cells[OgpColumns.AccessToInformation].ShouldBe("1");
        cells[OgpColumns.CivicParticipation].ShouldBe("0");
        cells[OgpColumns.StarredMidterm].ShouldBe("1");
        cells[OgpColumns.Starred2014].ShouldBe("1");
        cells[OgpColumns.HighAmbition].ShouldBe("1");
        cells[OgpColumns.BindingConstraint].ShouldBe("STAR");
        cells[OgpColumns.MidtermCompletionNumber].ShouldBe("4");
        cells[OgpColumns.EndOfTermCompletion].ShouldBe("NR");
        cells[OgpColumns.StarredEndOfTerm].ShouldBe("NR");
    }

    [Fact]
    public void at_end_of_term_the_design_is_the_midterms_and_completion_can_fall_and_lose_the_star()
    {
        var endOfTerm = new Dictionary<Indicator, Score>
        {
            [Indicator.Completion] = Scores.Read(Indicator.Completion, "limited"),
            [Indicator.DidItOpenGovernment] = Scores.Read(Indicator.DidItOpenGovernment, "marginal"),
            [Indicator.DiogAccessToInformation] = Scores.Read(Indicator.DiogAccessToInformation, "major"),
            [Indicator.DiogCivicParticipation] = Scores.Read(Indicator.DiogCivicParticipation, "notApplicable"),
            [Indicator.DiogPublicAccountability] = Scores.Read(Indicator.DiogPublicAccountability, "notAssessed"),
        };

        var cells = OgpRatings.Cells(new IrmAssessments(StarMidterm, endOfTerm));

        cells[OgpColumns.StarredMidterm].ShouldBe("1");
        cells[OgpColumns.StarredEndOfTerm].ShouldBe("0");
        cells[OgpColumns.ChangeInCompletion].ShouldBe("Decrease");
        cells[OgpColumns.ChangeInCompletionNumber].ShouldBe("-1");
        cells[OgpColumns.RawCompletion].ShouldBe("3");
        cells[OgpColumns.HighCompletion].ShouldBe("0");
        cells[OgpColumns.BindingConstraint].ShouldBe("Cmpl");
        cells[OgpColumns.OpenGovernment].ShouldBe("Marginal");
        cells[OgpColumns.OpenGovernmentNumber].ShouldBe("2");
        cells[OgpColumns.OpenGovernmentAccessToInformationNumber].ShouldBe("4");
        cells[OgpColumns.OpenGovernmentCivicParticipation].ShouldBe("Not Applicable");
        cells[OgpColumns.OpenGovernmentCivicParticipationNumber].ShouldBe("0");
        cells[OgpColumns.OpenGovernmentPublicAccountability].ShouldBe("ND");
    }

    [Theory]
    [InlineData("ND", "NR", true)]
    [InlineData("FALSE", "NR", true)]
    [InlineData("", "ND", true)]
    [InlineData("Yes", "1", true)]
    [InlineData(" no ", "0", true)]
    [InlineData("1", "0", false)]
    [InlineData("NA", "ND", false)]
    [InlineData("Spec", "PotImp", false)]
    public void the_consistency_check_compares_meaning_not_spelling(string file, string tracker, bool same) =>
        OgpRatings.SameRating(file, tracker).ShouldBe(same);
}
