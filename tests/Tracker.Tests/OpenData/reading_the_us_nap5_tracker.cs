using Tracker.Milestones;
using Tracker.OpenData.Demo;
using Tracker.Ratings;

namespace Tracker.Tests.OpenData;

/// <summary>The US Fifth National Action Plan tracker as the demo set ships it (inside the assembly).</summary>
public class reading_the_us_nap5_tracker
{
    private static readonly IReadOnlyList<Nap5Commitment> Commitments = DemoData.UsNap5Commitments();

    [Fact]
    public void it_holds_36_commitments_and_70_sub_commitments()
    {
        Commitments.Count.ShouldBe(36);
        Commitments.Sum(c => c.Milestones.Count).ShouldBe(70);
        Commitments.First().Code.ShouldBe("US0113");
        Commitments.Last().Code.ShouldBe("US0148");
        Commitments.ShouldAllBe(c => c.Milestones.Count > 0);
    }

    [Fact]
    public void the_statuses_map_to_progress_levels_and_the_august_snapshot_never_claims_more()
    {
        var milestones = Commitments.SelectMany(c => c.Milestones).ToList();

        milestones.Count(m => m.Status == ProgressLevel.Complete).ShouldBe(33);
        milestones.Count(m => m.Status == ProgressLevel.Limited).ShouldBe(36);
        milestones.Count(m => m.Status == ProgressLevel.NotStarted).ShouldBe(1);
        milestones.ShouldAllBe(m => m.AugustLevel <= m.Status);
    }

    [Fact]
    public void us0113_has_seven_numbered_milestones_led_by_the_office_of_science_and_technology_policy()
    {
        var us0113 = Commitments.Single(c => c.Code == "US0113");

        us0113.Title.ShouldBe("Expand the Production, Dissemination, and Use of Equitable Data");
        us0113.Theme.ShouldBe("Improve Access to Government Data, Research, and Information");
        us0113.Milestones.Select(m => m.Number).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        us0113.LeadAgency.ShouldBe("Executive Office of the President / Office of Science and Technology Policy");
        us0113.Detail.ShouldNotBeNull().ShouldStartWith("Sub-Commitments:");
        us0113.Detail.ShouldContain("Sub-Commitments:\n1) The Federal Government commits");
        var first = us0113.Milestones[0];
        first.Id.ShouldBe("US0113.1");
        first.Status.ShouldBe(ProgressLevel.Complete);
        first.Text.ShouldStartWith("The Federal Government commits to implement 5 recommendations");
        first.AugustEvidence.Select(e => e.Url).ShouldBe([
            "https://www.whitehouse.gov/briefing-room/presidential-actions/2023/02/16/executive-order-on-further-advancing-racial-equity-and-support-for-underserved-communities-through-the-federal-government/",
            "https://www.whitehouse.gov/wp-content/uploads/2023/03/Progress-on-Equitable-Data-Mar2023.pdf"]);
        first.AugustNarrative.ShouldNotContain("<a");
        first.FebruaryNarrative.ShouldBe("This commitment was previously completed");
        first.FebruaryEvidence.ShouldBeEmpty();
    }

    [Fact]
    public void february_evidence_is_read_from_markdown_links_and_bare_urls_as_public_links()
    {
        var milestone = Commitments.Single(c => c.Code == "US0114").Milestones.Single();

        milestone.Number.ShouldBe(1);
        milestone.FebruaryEvidence.Select(e => e.Url).ShouldBe([
            "https://spd15revision.gov",
            "https://www.federalregister.gov/documents/2023/01/27/2023-01635/initial-proposals-for-updating-ombs-race-and-ethnicity-statistical-standards"]);
        milestone.FebruaryEvidence.ShouldAllBe(e => e.Visibility == EvidenceVisibility.Public);
        milestone.AugustEvidence.ShouldHaveSingleItem().Title.ShouldBe("https://spd15revision.gov/");
        milestone.FebruaryNarrative.ShouldStartWith("The Office of the Chief Statistician of the United States at OMB is grateful");
    }

    [Fact]
    public void every_progress_round_fits_what_the_api_accepts()
    {
        foreach (var milestone in Commitments.SelectMany(c => c.Milestones))
        {
            milestone.AugustNarrative.Length.ShouldBeInRange(1, 10_000);
            milestone.FebruaryNarrative.Length.ShouldBeInRange(1, 10_000);
            milestone.Text.Length.ShouldBeInRange(1, 5_000);
            milestone.Agency.Length.ShouldBeInRange(1, 300);
            foreach (var evidence in milestone.AugustEvidence.Concat(milestone.FebruaryEvidence))
            {
                evidence.Title.Length.ShouldBeInRange(1, 300);
                Uri.TryCreate(evidence.Url, UriKind.Absolute, out var uri).ShouldBeTrue(evidence.Url);
                uri!.Scheme.ShouldBeOneOf("http", "https");
            }
        }
        Commitments.SelectMany(c => c.Milestones).Sum(m => m.FebruaryEvidence.Count).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void quoted_front_matter_values_fold_over_lines_as_yaml_folds_them()
    {
        var (fields, body) = FrontMatter.Parse("---\ntitle:  \"A \\\"quoted\\\"\n  title\"\nlist: \"first\n\nsecond\"\nsingle: 'it''s'\nplain: a: b\n---\nBody\n");

        fields["title"].ShouldBe("A \"quoted\" title");
        fields["list"].ShouldBe("first\nsecond");
        fields["single"].ShouldBe("it's");
        fields["plain"].ShouldBe("a: b");
        body.ShouldBe("Body\n");
    }
}
