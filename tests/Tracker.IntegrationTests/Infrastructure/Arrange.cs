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

    /// <summary>Registers a plan of <paramref name="memberId"/> and returns its id.</summary>
    public static async Task<Guid> Plan(HttpClient admin, Guid memberId, string title = "Netherlands 2016-2018 National Action Plan",
        string start = "2016-07-01", string end = "2018-06-30", int number = 3)
    {
        var response = await admin.Post("/api/plans", new { memberId, number, title, periodStart = start, periodEnd = end });
        await response.ShouldHaveStatus(201);
        return (await response.Read<JsonElement>()).GetProperty("id").GetGuid();
    }
}
