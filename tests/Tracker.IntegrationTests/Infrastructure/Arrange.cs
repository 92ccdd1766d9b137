using System.Text.Json;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>Arranges the data a test needs through the API, as an admin would.</summary>
public static class Arrange
{
    /// <summary>Registers a member and returns its id.</summary>
    public static async Task<Guid> Member(HttpClient admin, string name = "Netherlands", string code = "NL")
    {
        var response = await admin.Post("/api/members", new { name, code, kind = "National", region = "Europe" });
        await response.ShouldHaveStatus(201);
        return (await response.Read<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Registers a government institution of <paramref name="memberId"/> and returns its id.</summary>
    public static async Task<Guid> Institution(HttpClient admin, Guid memberId, string name, string kind = "Government")
    {
        var response = await admin.Post("/api/institutions", new { name, kind, memberId });
        await response.ShouldHaveStatus(201);
        return (await response.Read<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Registers a commitment led by <paramref name="leadId"/> and returns its id.</summary>
    public static async Task<Guid> Commitment(HttpClient admin, Guid planId, string code, Guid leadId, string title = "A commitment")
    {
        var response = await admin.Post($"/api/plans/{planId}/commitments", new { code, number = code[^2..], title, leadInstitutionId = leadId });
        await response.ShouldHaveStatus(201);
        return (await response.Read<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Plans a milestone and returns its id.</summary>
    public static async Task<Guid> Milestone(HttpClient admin, Guid commitmentId, string plannedStart, string plannedEnd, string text = "A milestone")
    {
        var response = await admin.Post($"/api/commitments/{commitmentId}/milestones", new { text, plannedStart, plannedEnd });
        await response.ShouldHaveStatus(201);
        return (await response.Read<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Registers a plan of <paramref name="memberId"/> and returns its id.</summary>
    public static async Task<Guid> Plan(HttpClient admin, Guid memberId, string title = "Netherlands 2016-2018 National Action Plan",
        string start = "2016-07-01", string end = "2018-06-30", int number = 3)
    {
        var response = await admin.Post("/api/plans", new { memberId, number, title, periodStart = start, periodEnd = end });
        await response.ShouldHaveStatus(201);
        return (await response.Read<JsonElement>()).GetProperty("id").GetGuid();
    }
}

/// <summary>NL0025 (commitment 7 of the Netherlands 2016-2018 plan) and its six milestones, as the IRM page shows them.</summary>
public sealed record Nl0025(Guid MemberId, Guid PlanId, Guid LeadId, Guid SupportId, Guid OtherMinistryId, Guid CommitmentId, Guid[] MilestoneIds)
{
    public static readonly string[] MilestoneTexts =
    [
        "Professionalisation course \"The Art of Connecting\": in 2018, all policy staff within the Ministry of Infrastructure and the Environment will have attended a professionalisation course",
        "Work processes: By the end of 2017, all work processes will have been adapted.",
        "Approach Strengthening Professional Skills: in 2017 the Approach Strengthening Professional Skills will start.",
        "Communities of Practice: staff who have followed the professionalisation course \"The Art of Connecting\", will come together in a peer review setting and exchange experiences.",
        "Management professionalisation: by the end of 2017, all managers within Ministry of Infrastructure and the Environment will have received training in interaction with their networking staff.",
        "Providing input for formulating ambitions for the public sector as a whole.",
    ];

    /// <summary>Registers the member, institutions, plan, commitment and milestones through the API.</summary>
    public static async Task<Nl0025> Register(HttpClient admin)
    {
        var member = await Arrange.Member(admin, "Netherlands", "NL");
        var lead = await Arrange.Institution(admin, member, "Ministry of Infrastructure and the Environment");
        var support = await Arrange.Institution(admin, member, "Ministry of the Interior and Kingdom Relations");
        var other = await Arrange.Institution(admin, member, "Ministry of Finance");
        var plan = await Arrange.Plan(admin, member, "Netherlands 2016-2018 National Action Plan", "2016-01-01", "2018-06-30", 3);
        var response = await admin.Post($"/api/plans/{plan}/commitments", new
        {
            code = "NL0025", number = "07", title = "Training civil servants on public participation",
            shortTitle = "Develop skills of public sector staff",
            fullText = "The public officer as professional within the civil society.",
            leadInstitutionId = lead, supportingInstitutionIds = new[] { support },
            supportingInstitutionsText = "Ministry of BZK and the civil society",
            start = "2016-01-01", end = "2018-06-30",
            policyAreas = new[] { "Capacity Building", "Public Participation" },
            claimedValues = new[] { "civicParticipation" },
        });
        await response.ShouldHaveStatus(201);
        var commitment = (await response.Read<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var milestones = new List<Guid>();
        foreach (var (text, index) in MilestoneTexts.Select((t, i) => (t, i)))
        {
            var planned = await admin.Post($"/api/commitments/{commitment}/milestones", new
            {
                number = index + 1, text, plannedStart = "2016-01-01", plannedEnd = index is 1 or 4 ? "2017-12-31" : "2018-06-30",
            });
            await planned.ShouldHaveStatus(201);
            milestones.Add((await planned.Read<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid());
        }
        return new Nl0025(member, plan, lead, support, other, commitment, [.. milestones]);
    }
}
