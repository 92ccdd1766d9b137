using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

/// <summary>
/// Codes name one member or one commitment, names one institution of a member, numbers one milestone of a commitment,
/// even when registrations race: the losers get 409, never 500, and nothing is registered twice.
/// </summary>
public class registering_codes_in_parallel(WriteWorld world) : IClassFixture<WriteWorld>
{
    public static TheoryData<bool> WithAndWithoutIdempotencyKeys() => new(false, true);

    [Theory]
    [MemberData(nameof(WithAndWithoutIdempotencyKeys))]
    public async Task sixteen_parallel_registrations_of_one_member_code_register_one_member(bool withKeys)
    {
        var code = withKeys ? "RACEK" : "RACE";
        var admin = world.Admin();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            admin.Post("/api/members", new { name = $"Raceland {i}", code, kind = "National" }, idempotencyKey: withKeys ? $"member-{i}" : null)));

        answers.Count(a => (int)a.StatusCode == 201).ShouldBe(1);
        foreach (var loser in answers.Where(a => (int)a.StatusCode != 201)) await loser.ShouldBeProblem(409, "member.code_taken");
    }

    [Theory]
    [MemberData(nameof(WithAndWithoutIdempotencyKeys))]
    public async Task sixteen_parallel_registrations_of_one_commitment_code_register_one_commitment(bool withKeys)
    {
        var code = withKeys ? "WW9998" : "WW9999";
        var admin = world.Admin();
        var plan = await world.PlanId();
        var lead = await world.LeadId();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            admin.Post($"/api/plans/{plan}/commitments", new { code, number = "99", title = $"Racing {i}", leadInstitutionId = lead },
                idempotencyKey: withKeys ? $"commitment-{i}" : null)));

        answers.Count(a => (int)a.StatusCode == 201).ShouldBe(1);
        foreach (var loser in answers.Where(a => (int)a.StatusCode != 201))
            (await loser.ShouldBeProblem(409, "commitment.code_taken")).GetProperty("errors").TryGetProperty("code", out _).ShouldBeTrue("the conflict names the field");
    }

    [Fact]
    public async Task sixteen_parallel_registrations_of_one_institution_name_register_one_institution()
    {
        var admin = world.Admin();
        var member = await world.MemberId();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            admin.Post("/api/institutions", new { name = "Racing Agency", kind = "Other", memberId = member })));

        answers.Count(a => (int)a.StatusCode == 201).ShouldBe(1);
        foreach (var loser in answers.Where(a => (int)a.StatusCode != 201)) await loser.ShouldBeProblem(409, "institution.name_taken");
    }

    [Fact]
    public async Task sixteen_parallel_plannings_of_one_milestone_number_plan_one_milestone()
    {
        var admin = world.Admin();
        var commitment = await world.NewCommitment();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            admin.Post($"/api/commitments/{commitment}/milestones", new { number = 7, text = $"Racing {i}", plannedStart = "2016-03-01", plannedEnd = "2017-03-01" })));

        answers.Count(a => (int)a.StatusCode == 201).ShouldBe(1);
        foreach (var loser in answers.Where(a => (int)a.StatusCode != 201)) await loser.ShouldBeProblem(409, "milestone.number_taken");
    }
}
