using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Commitments;

public class reading_a_commitment_page(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task the_lead_ministry_reports_progress_and_the_page_shows_it_with_its_history_and_as_of_earlier_without_it()
    {
        var nl = await Nl0025.Register(app.Admin());
        var ministry = app.As(TrackerRole.Ministry, nl.LeadId, "im-staff-1");

        var first = await ministry.Post($"/api/milestones/{nl.MilestoneIds[0]}/progress", new
        {
            level = "Limited", percent = 55, asOf = "2017-06-30",
            narrative = "Six out of 11 tranches of civil servants attended \"The Art of Connecting\".",
            evidence = new object[]
            {
                new { title = "Self-assessment report", url = "https://www.opengovpartnership.org/nl-self-assessment.pdf" },
                new { title = "Attendance list", url = "https://intranet.minienm.nl/attendance.xlsx", visibility = "Private" },
            },
        });
        await first.ShouldHaveStatus(200);
        first.Version().ShouldBe(2);
        var betweenReports = DateTimeOffset.UtcNow;
        await (await ministry.Post($"/api/milestones/{nl.MilestoneIds[3]}/progress", new
        {
            level = "Complete", asOf = "2017-12-31", narrative = "Two Communities of Practice were held in 2016 and 2017.",
        })).ShouldHaveStatus(200);
        await (await ministry.Post($"/api/milestones/{nl.MilestoneIds[0]}/progress", new
        {
            level = "Substantial", asOf = "2018-03-31", narrative = "Nine out of 11 tranches attended.",
        })).ShouldHaveStatus(200);

        var page = await app.Anonymous().Get<JsonElement>("/api/commitments/NL0025");

        page.GetProperty("code").GetString().ShouldBe("NL0025");
        page.GetProperty("number").GetString().ShouldBe("07");
        page.GetProperty("leadInstitution").GetProperty("name").GetString().ShouldBe("Ministry of Infrastructure and the Environment");
        page.GetProperty("supportingInstitutions")[0].GetProperty("name").GetString().ShouldBe("Ministry of the Interior and Kingdom Relations");
        page.GetProperty("claimedValues").EnumerateArray().Select(v => v.GetString()).ShouldBe(["civicParticipation"]);
        page.GetProperty("policyAreas").GetArrayLength().ShouldBe(2);
        var milestones = page.GetProperty("milestones");
        milestones.GetArrayLength().ShouldBe(6);
        var course = milestones[0];
        course.GetProperty("latestProgress").GetProperty("level").GetString().ShouldBe("substantial");
        course.GetProperty("progressHistory").EnumerateArray().Select(p => p.GetProperty("level").GetString()).ShouldBe(["limited", "substantial"]);
        milestones[3].GetProperty("latestProgress").GetProperty("level").GetString().ShouldBe("complete");
        milestones[1].GetProperty("latestProgress").ValueKind.ShouldBe(JsonValueKind.Null);
        page.GetProperty("computedCompletion").GetString().ShouldBe("limited");
        page.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ShouldBe(["Self-assessment report"]);

        var asOfEarlier = await app.Anonymous().Get<JsonElement>($"/api/commitments/NL0025?asOf={Uri.EscapeDataString(betweenReports.ToString("O"))}");
        asOfEarlier.GetProperty("milestones")[0].GetProperty("progressHistory").GetArrayLength().ShouldBe(1);
        asOfEarlier.GetProperty("milestones")[0].GetProperty("latestProgress").GetProperty("level").GetString().ShouldBe("limited");
        asOfEarlier.GetProperty("milestones")[3].GetProperty("latestProgress").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task private_evidence_is_shown_to_the_lead_ministry_and_never_to_the_public()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Ghana", "GH");
        var lead = await Arrange.Institution(admin, member, "Parliament of Ghana", "Parliament");
        var plan = await Arrange.Plan(admin, member, "Ghana 2021-2023", "2021-11-01", "2023-06-30", 4);
        var commitment = await Arrange.Commitment(admin, plan, "GH0040", lead);
        var milestone = await Arrange.Milestone(admin, commitment, "2021-11-01", "2023-06-30");
        var ministry = app.As(TrackerRole.Ministry, lead);
        await (await ministry.Post($"/api/milestones/{milestone}/progress", new
        {
            level = "Limited", asOf = "2022-06-30", narrative = "Drafting started.",
            evidence = new[] { new { title = "Internal draft", url = "https://parliament.gh/draft.docx", visibility = "Private" } },
        })).ShouldHaveStatus(200);

        var anonymous = await app.Anonymous().Get<JsonElement>($"/api/milestones/{milestone}");
        var asLead = await ministry.Get<JsonElement>($"/api/milestones/{milestone}");
        var history = await app.Anonymous().Get<JsonElement[]>($"/api/streams/{milestone}/history");

        anonymous.GetProperty("latestProgress").GetProperty("evidence").GetArrayLength().ShouldBe(0);
        asLead.GetProperty("latestProgress").GetProperty("evidence").GetArrayLength().ShouldBe(1);
        history.Last().GetProperty("data").GetProperty("evidence").GetArrayLength().ShouldBe(0);
        (await app.Anonymous().GetStringAsync("/api/commitments/GH0040")).ShouldNotContain("parliament.gh/draft.docx");
    }

    [Fact]
    public async Task the_history_of_a_stream_lists_every_event_with_who_and_when()
    {
        var admin = app.As(TrackerRole.Admin, userId: "poc-ukraine");
        var member = await Arrange.Member(admin, "Ukraine", "UA");
        var lead = await Arrange.Institution(admin, member, "Cabinet of Ministers of Ukraine");
        var plan = await Arrange.Plan(admin, member, "Ukraine 2018-2020", "2018-11-01", "2020-08-31", 4);
        var commitment = await Arrange.Commitment(admin, plan, "UA0080", lead);
        await (await admin.Post($"/api/commitments/{commitment}/cluster", new { cluster = "Open data" })).ShouldHaveStatus(200);

        var history = await app.Anonymous().Get<JsonElement[]>($"/api/streams/{commitment}/history");

        history.Select(e => e.GetProperty("type").GetString()).ShouldBe(["commitment_registered", "commitment_clustered"]);
        history.Select(e => e.GetProperty("version").GetInt64()).ShouldBe([1L, 2L]);
        history[1].GetProperty("by").GetProperty("userId").GetString().ShouldBe("poc-ukraine");
        history[1].GetProperty("by").GetProperty("role").GetString().ShouldBe("Admin");
        history[1].GetProperty("data").GetProperty("cluster").GetString().ShouldBe("Open data");
    }
}
