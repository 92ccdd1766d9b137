using System.Text.Json;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.IntegrationTests.OpenData;

namespace Tracker.IntegrationTests.Commitments;

public class registering_co_leads(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task a_commitment_led_by_several_bodies_shows_its_lead_and_co_leads_on_its_page_and_in_the_export()
    {
        var member = await Arrange.Member(app.Admin(), "Zedland", "ZC");
        var plan = await Arrange.Plan(app.Admin(), member, "Zedland 2016-2018 National Action Plan");
        var finance = await Arrange.Institution(app.Admin(), member, "Ministry of Finance");
        var justice = await Arrange.Institution(app.Admin(), member, "Ministry of Justice");
        var audit = await Arrange.Institution(app.Admin(), member, "Court of Audit");

        var registered = await app.Admin().Post($"/api/plans/{plan}/commitments", new
        {
            code = "ZC0001", number = "1", title = "Open spending", leadInstitutionId = finance, coLeadInstitutionIds = new[] { justice, audit },
        });
        await registered.ShouldHaveStatus(201);
        var page = await app.Anonymous().Get<JsonElement>("/api/commitments/ZC0001");
        var html = await app.Anonymous().GetStringAsync("/commitments/ZC0001");
        var exported = Csv.Rows(await app.Anonymous().GetStringAsync("/api/export/commitments.csv?member=ZC")).Single();

        page.GetProperty("leadInstitution").GetProperty("name").GetString().ShouldBe("Ministry of Finance");
        page.GetProperty("coLeadInstitutions").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ShouldBe(["Ministry of Justice", "Court of Audit"]);
        page.GetProperty("leadNotNamed").GetBoolean().ShouldBeFalse();
        html.ShouldContain("Co-lead institutions");
        html.ShouldContain("Court of Audit");
        exported["Lead Institution"].ShouldBe("Ministry of Finance; Ministry of Justice; Court of Audit");
    }

    [Fact]
    public async Task a_co_lead_that_is_the_lead_or_unknown_is_refused_naming_the_field_and_writes_nothing()
    {
        var member = await Arrange.Member(app.Admin(), "Yland", "YC");
        var plan = await Arrange.Plan(app.Admin(), member, "Yland 2016-2018 National Action Plan");
        var finance = await Arrange.Institution(app.Admin(), member, "Ministry of Finance");
        var before = await app.EventCount();

        var twice = await app.Admin().Post($"/api/plans/{plan}/commitments", new
        {
            code = "YC0001", number = "1", title = "Open spending", leadInstitutionId = finance, coLeadInstitutionIds = new[] { finance },
        });
        var unknown = await app.Admin().Post($"/api/plans/{plan}/commitments", new
        {
            code = "YC0002", number = "2", title = "Open contracts", leadInstitutionId = finance, coLeadInstitutionIds = new[] { Guid.NewGuid() },
        });

        (await twice.ShouldBeProblem(400, "commitment.co_lead_twice")).GetProperty("errors").TryGetProperty("coLeadInstitutionIds", out _).ShouldBeTrue();
        (await unknown.ShouldBeProblem(400, "institution.not_found")).GetProperty("errors").TryGetProperty("coLeadInstitutionIds", out _).ShouldBeTrue();
        (await app.EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_institution_of_another_member_may_not_lead_and_so_gain_its_ministry_the_right_to_report()
    {
        var member = await Arrange.Member(app.Admin(), "Xland", "XC");
        var plan = await Arrange.Plan(app.Admin(), member, "Xland 2016-2018 National Action Plan");
        var neighbour = await Arrange.Member(app.Admin(), "Wland", "WC");
        var abroad = await Arrange.Institution(app.Admin(), neighbour, "Ministry of Finance of Wland");
        var before = await app.EventCount();

        var refused = await app.Admin().Post($"/api/plans/{plan}/commitments", new { code = "XC0001", number = "1", title = "Open spending", leadInstitutionId = abroad });

        (await refused.ShouldBeProblem(400, "institution.other_member")).GetProperty("errors").TryGetProperty("leadInstitutionId", out _).ShouldBeTrue();
        (await app.EventCount()).ShouldBe(before);
    }
}
