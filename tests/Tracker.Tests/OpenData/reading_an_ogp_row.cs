using Tracker.Tests.Reviews;
using Tracker.Members;
using Tracker.OpenData;
using Tracker.OpenData.Importing;
using Tracker.Reviews;

namespace Tracker.Tests.OpenData;

/// <summary>The mapping of one OGP row to what Tracker registers, and every reason a row is refused.</summary>
public class reading_an_ogp_row
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        [OgpColumns.Identifier] = "NL0025",
        [OgpColumns.Member] = "Netherlands",
        [OgpColumns.PlanNumber] = "3",
        [OgpColumns.CommitmentNumber] = "7",
        [OgpColumns.Region] = "Europe",
        [OgpColumns.NationalOrLocal] = "National",
        [OgpColumns.YearOfSubmission] = "2016",
        [OgpColumns.EndYear] = "2018",
        [OgpColumns.Title] = "  Training civil servants on public participation ",
        [OgpColumns.ShortTitle] = "Develop skills of public sector staff",
        [OgpColumns.FullText] = "The public officer as professional.\n",
        [OgpColumns.StartDate] = "1/1/2016",
        [OgpColumns.EndDate] = "6/30/2018",
        [OgpColumns.LeadInstitution] = "Ministry of Infrastructure\n  and the Environment",
        [OgpColumns.SupportingInstitutions] = "NA",
        [OgpColumns.Cluster] = "NR",
        ["Public Participation"] = "1",
        ["Capacity Building"] = "1",
        ["Open Data"] = "0",
        ["Digital Participation"] = "ND",
        [OgpColumns.Specificity] = "High",
        [OgpColumns.AccessToInformation] = "0",
        [OgpColumns.CivicParticipation] = "1",
        [OgpColumns.PublicAccountability] = "0",
        [OgpColumns.Technology] = "0",
        [OgpColumns.Relevant] = "1",
        [OgpColumns.PotentialImpact] = "Moderate",
        [OgpColumns.MidtermCompletion] = "Limited",
        [OgpColumns.EndOfTermCompletion] = "NR",
        [OgpColumns.OpenGovernment] = "NR",
        [OgpColumns.OpenGovernmentAccessToInformation] = "NR",
        [OgpColumns.OpenGovernmentCivicParticipation] = "NR",
        [OgpColumns.OpenGovernmentPublicAccountability] = "NR",
    };

    private static OgpRow Row(params (string Column, string Cell)[] changes)
    {
        var cells = new Dictionary<string, string>(Valid);
        foreach (var (column, cell) in changes) cells[column] = cell;
        return new OgpRow(12, cells);
    }

    [Fact]
    public void a_valid_row_becomes_a_member_a_plan_and_a_commitment_with_its_tags_and_the_reviews_it_was_rated_in()
    {
        var commitment = OgpCommitmentRow.Read(Row()).Commitment.ShouldNotBeNull();

        commitment.Code.ShouldBe("NL0025");
        commitment.Member.ShouldBe(new OgpMember("NL", "Netherlands", MemberKind.National, "Europe"));
        commitment.Plan.ShouldBe(new OgpPlan(3, 2016, 2018));
        commitment.Plan.PeriodStart.ShouldBe(new DateOnly(2016, 1, 1));
        commitment.Plan.PeriodEnd.ShouldBe(new DateOnly(2018, 12, 31));
        commitment.Plan.MidtermCutoff.ShouldBe(new DateOnly(2016, 12, 31));
        commitment.Title.ShouldBe("Training civil servants on public participation");
        commitment.FullText.ShouldBe("The public officer as professional.\n");
        commitment.LeadInstitutions.ShouldBe(["Ministry of Infrastructure and the Environment"]);
        commitment.SupportingInstitutionsText.ShouldBeNull();
        commitment.Cluster.ShouldBeNull();
        commitment.Start.ShouldBe(new DateOnly(2016, 1, 1));
        commitment.End.ShouldBe(new DateOnly(2018, 6, 30));
        commitment.PolicyAreas.ShouldBe(["Capacity Building", "Public Participation"], ignoreOrder: true);
        commitment.Warnings.ShouldBeEmpty();
        commitment.Assessments.EndOfTerm.ShouldBeNull();
        commitment.Assessments.Midterm.ShouldNotBeNull().ShouldBe(new Dictionary<Indicator, Score>
        {
            [Indicator.Specificity] = Scores.Read(Indicator.Specificity, "high"),
            [Indicator.Relevance] = Scores.Read(Indicator.Relevance, "civicParticipation"),
            [Indicator.PotentialImpact] = Scores.Read(Indicator.PotentialImpact, "moderate"),
            [Indicator.Completion] = Scores.Read(Indicator.Completion, "limited"),
        }, ignoreOrder: true);
    }

    public static TheoryData<string, string, string, string> refusals => new()
    {
        // column, cell, column named, reason contains
        { OgpColumns.Identifier, "", OgpColumns.Identifier, "Required" },
        { OgpColumns.Identifier, "NL25", OgpColumns.Identifier, "not an OGP code" },
        { OgpColumns.Member, "NA", OgpColumns.Member, "Required" },
        { OgpColumns.NationalOrLocal, "Federal", OgpColumns.NationalOrLocal, "none of National, Local, Legacy Local, Other" },
        { OgpColumns.PlanNumber, "three", OgpColumns.PlanNumber, "not a whole number" },
        { OgpColumns.YearOfSubmission, "", OgpColumns.YearOfSubmission, "Required" },
        { OgpColumns.EndYear, "2015", OgpColumns.EndYear, "before its year of submission" },
        { OgpColumns.CommitmentNumber, "NA", OgpColumns.CommitmentNumber, "Required" },
        { OgpColumns.Title, "ND", OgpColumns.Title, "Required" },
        { OgpColumns.Title, new string('t', 5_001), OgpColumns.Title, "at most 5000" },
        { OgpColumns.Title, "A title\0", OgpColumns.Title, "NUL" },
        { OgpColumns.ShortTitle, new string('s', 5_001), OgpColumns.ShortTitle, "at most 5000" },
        { OgpColumns.LeadInstitution, new string('m', 1_001), OgpColumns.LeadInstitution, "at most 1000" },
        { OgpColumns.Specificity, "Very High", OgpColumns.Specificity, "not one of None, Low, Medium, High" },
        { OgpColumns.MidtermCompletion, "Done", OgpColumns.MidtermCompletion, "not one of Not Started" },
        { OgpColumns.AccessToInformation, "maybe", OgpColumns.AccessToInformation, "OGP Value" },
    };

    [Theory]
    [MemberData(nameof(refusals))]
    public void a_row_tracker_cannot_hold_as_written_is_refused_naming_the_column_and_the_reason(string column, string cell, string named, string reason)
    {
        var reading = OgpCommitmentRow.Read(Row((column, cell)));

        reading.Commitment.ShouldBeNull();
        var problem = reading.Problems.ShouldHaveSingleItem();
        problem.Column.ShouldBe(named);
        problem.Reason.ShouldContain(reason);
    }

    [Fact]
    public void every_problem_of_a_row_is_named_at_once()
    {
        var reading = OgpCommitmentRow.Read(Row((OgpColumns.Member, ""), (OgpColumns.Title, ""), (OgpColumns.Specificity, "?")));

        reading.Problems.Select(p => p.Column).ShouldBe([OgpColumns.Title, OgpColumns.Member, OgpColumns.Specificity], ignoreOrder: true);
    }

    [Theory]
    [InlineData("NA")]
    [InlineData("")]
    [InlineData("ND")]
    public void a_lead_the_file_does_not_name_is_read_as_not_named(string cell)
    {
        var commitment = OgpCommitmentRow.Read(Row((OgpColumns.LeadInstitution, cell))).Commitment.ShouldNotBeNull();

        commitment.LeadInstitutions.ShouldBeEmpty();
    }

    [Fact]
    public void a_cell_listing_several_bodies_is_read_as_a_lead_and_its_co_leads()
    {
        var commitment = OgpCommitmentRow.Read(Row((OgpColumns.LeadInstitution, "Secretaría General\n - Secretaría\n - Dirección General de Tecnología de\n  la Información")))
            .Commitment.ShouldNotBeNull();

        commitment.LeadInstitutions.ShouldBe(["Secretaría General", "Secretaría", "Dirección General de Tecnología de la Información"]);
    }

    [Theory]
    [InlineData("National", MemberKind.National)]
    [InlineData("Local", MemberKind.Local)]
    [InlineData("Legacy Local", MemberKind.LegacyLocal)]
    [InlineData("Other", MemberKind.Other)]
    public void every_kind_of_member_ogp_lists_is_read(string cell, MemberKind kind)
    {
        var commitment = OgpCommitmentRow.Read(Row((OgpColumns.NationalOrLocal, cell))).Commitment.ShouldNotBeNull();

        commitment.Member.Kind.ShouldBe(kind);
        OgpMemberKinds.Format(kind).ShouldBe(cell);
    }

    [Fact]
    public void a_title_longer_than_a_person_would_type_is_kept_whole()
    {
        var title = string.Join(' ', Enumerable.Repeat("Implement the law on access to public information in every ministry.", 12));

        OgpCommitmentRow.Read(Row((OgpColumns.Title, title))).Commitment.ShouldNotBeNull().Title.ShouldBe(title);
    }

    [Theory]
    [InlineData("8.1999999999999993", "8.2")]
    [InlineData("5.0999999999999996", "5.1")]
    [InlineData("2.2000000000000002", "2.2")]
    [InlineData("5.3", "5.3")]
    [InlineData("07", "07")]
    public void a_commitment_number_written_with_a_spreadsheets_float_digits_is_read_as_the_plan_wrote_it(string cell, string number)
    {
        var commitment = OgpCommitmentRow.Read(Row((OgpColumns.CommitmentNumber, cell))).Commitment.ShouldNotBeNull();

        commitment.Number.ShouldBe(number);
        (commitment.Warnings.Count > 0).ShouldBe(cell != number);
    }

    [Fact]
    public void a_row_not_reviewed_has_no_assessments_and_nd_or_na_in_a_reviewed_report_are_recorded_as_not_assessed_or_not_applicable()
    {
        var notReviewed = OgpCommitmentRow.Read(Row((OgpColumns.Specificity, "NR"), (OgpColumns.AccessToInformation, "NR"),
            (OgpColumns.CivicParticipation, "NR"), (OgpColumns.PublicAccountability, "NR"), (OgpColumns.Technology, "NR"),
            (OgpColumns.Relevant, "NR"), (OgpColumns.PotentialImpact, "NR"), (OgpColumns.MidtermCompletion, "NR"))).Commitment!;
        var endOfTerm = OgpCommitmentRow.Read(Row((OgpColumns.EndOfTermCompletion, "ND"), (OgpColumns.OpenGovernment, "Marginal"),
            (OgpColumns.OpenGovernmentAccessToInformation, "Not Applicable"), (OgpColumns.OpenGovernmentCivicParticipation, "Major"),
            (OgpColumns.OpenGovernmentPublicAccountability, "NA"))).Commitment!;

        notReviewed.Assessments.ShouldBe(IrmAssessments.None);
        endOfTerm.Assessments.EndOfTerm.ShouldNotBeNull().ShouldBe(new Dictionary<Indicator, Score>
        {
            [Indicator.Completion] = Scores.Read(Indicator.Completion, "notAssessed"),
            [Indicator.DidItOpenGovernment] = Scores.Read(Indicator.DidItOpenGovernment, "marginal"),
            [Indicator.DiogAccessToInformation] = Scores.Read(Indicator.DiogAccessToInformation, "notApplicable"),
            [Indicator.DiogCivicParticipation] = Scores.Read(Indicator.DiogCivicParticipation, "major"),
            [Indicator.DiogPublicAccountability] = Scores.Read(Indicator.DiogPublicAccountability, "notApplicable"),
        }, ignoreOrder: true);
    }

    [Fact]
    public void relevance_answered_on_its_own_is_recorded_only_where_the_ogp_values_were_not_rated()
    {
        var valuesNotRated = OgpCommitmentRow.Read(Row((OgpColumns.AccessToInformation, "ND"), (OgpColumns.CivicParticipation, "ND"),
            (OgpColumns.PublicAccountability, "ND"), (OgpColumns.Technology, "ND"), (OgpColumns.Relevant, "0"))).Commitment!;
        var valuesRated = OgpCommitmentRow.Read(Row((OgpColumns.Relevant, "0"))).Commitment!;

        valuesNotRated.Assessments.Midterm![Indicator.Relevant].ShouldBe(Scores.Read(Indicator.Relevant, "no"));
        valuesNotRated.Assessments.Midterm[Indicator.Relevance].ShouldBe(Scores.Read(Indicator.Relevance, "notAssessed"));
        valuesRated.Assessments.Midterm!.ContainsKey(Indicator.Relevant).ShouldBeFalse();
    }

    [Fact]
    public void a_tag_cell_that_is_neither_0_nor_1_is_read_as_not_tagged_with_a_warning_and_nd_is_read_as_not_tagged()
    {
        var commitment = OgpCommitmentRow.Read(Row(("Open Data", "yes"))).Commitment!;

        commitment.PolicyAreas.ShouldNotContain("Open Data");
        commitment.PolicyAreas.ShouldNotContain("Digital Participation");
        commitment.Warnings.ShouldHaveSingleItem().Column.ShouldBe("Open Data");
    }

    [Fact]
    public void an_end_before_the_start_is_left_empty_with_a_warning()
    {
        var commitment = OgpCommitmentRow.Read(Row((OgpColumns.StartDate, "6/1/2017"), (OgpColumns.EndDate, "1/31/2017"))).Commitment!;

        commitment.Start.ShouldBe(new DateOnly(2017, 6, 1));
        commitment.End.ShouldBeNull();
        commitment.Warnings.ShouldHaveSingleItem().Column.ShouldBe(OgpColumns.EndDate);
    }
}
