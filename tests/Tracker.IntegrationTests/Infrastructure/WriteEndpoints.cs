using Tracker.Infrastructure;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>Who a write endpoint is for.</summary>
public enum AllowedCaller { Admin, LeadMinistry }

/// <summary>A write endpoint, with how to arrange a fresh target for it and a valid body.</summary>
public sealed record WriteEndpoint(string Name, AllowedCaller AllowedFor, int SuccessStatus, Func<WriteWorld, Task<(string Url, object Body)>> Arrange)
{
    public override string ToString() => Name;
}

/// <summary>Every write endpoint of the API: the authorisation matrix and the malformed-input tests run over this list.</summary>
public static class WriteEndpoints
{
    public static readonly IReadOnlyList<WriteEndpoint> All =
    [
        new("RegisterMember", AllowedCaller.Admin, 201, w => Task.FromResult(("/api/members", (object)new { name = $"Member {w.Next()}", code = $"X{w.Next()}", kind = "National" }))),
        new("RegisterInstitution", AllowedCaller.Admin, 201, async w => ("/api/institutions", new { name = $"Agency {w.Next()}", kind = "Government", memberId = await w.MemberId() })),
        new("RegisterPlan", AllowedCaller.Admin, 201, async w => ("/api/plans", new { memberId = await w.MemberId(), number = 2, title = "Second plan", periodStart = "2018-07-01", periodEnd = "2020-06-30" })),
        new("AmendPlan", AllowedCaller.Admin, 200, async w => ($"/api/plans/{await w.NewPlan()}/amendments", new { title = "Amended", periodStart = "2016-01-01", periodEnd = "2018-12-31", midtermCutoff = "2017-06-30", reason = "COVID-19 extension" })),
        new("EndPlan", AllowedCaller.Admin, 200, async w => ($"/api/plans/{await w.NewPlan()}/end", new { endedOn = "2018-06-30" })),
        new("RegisterCommitment", AllowedCaller.Admin, 201, async w => ($"/api/plans/{await w.PlanId()}/commitments", new { code = w.NextCode(), number = "01", title = "Open contracting", leadInstitutionId = await w.LeadId() })),
        new("ReviseCommitment", AllowedCaller.Admin, 200, async w => ($"/api/commitments/{await w.NewCommitment()}/revisions", new { title = "Revised title", leadInstitutionId = await w.LeadId(), reason = "Clarified with civil society" })),
        new("WithdrawCommitment", AllowedCaller.Admin, 200, async w => ($"/api/commitments/{await w.NewCommitment()}/withdrawal", new { reason = "Merged into another commitment" })),
        new("ClusterCommitment", AllowedCaller.Admin, 200, async w => ($"/api/commitments/{await w.NewCommitment()}/cluster", new { cluster = "Open data" })),
        new("PlanMilestone", AllowedCaller.Admin, 201, async w => ($"/api/commitments/{await w.NewCommitment()}/milestones", new { text = "Publish the register", plannedStart = "2016-03-01", plannedEnd = "2017-03-01" })),
        new("WithdrawMilestone", AllowedCaller.Admin, 200, async w => ($"/api/milestones/{await w.NewMilestone()}/withdrawal", new { reason = "Out of scope" })),
        new("ReportMilestoneProgress", AllowedCaller.LeadMinistry, 200, async w => ($"/api/milestones/{await w.NewMilestone()}/progress", new { level = "Substantial", narrative = "Drafted and consulted.", asOf = "2017-01-31" })),
        new("RebaselineMilestone", AllowedCaller.LeadMinistry, 200, async w => ($"/api/milestones/{await w.NewMilestone()}/rebaseline", new { newEnd = "2018-06-30", justification = "Elections delayed the work." })),
    ];

    public static TheoryData<string> Names() => new(All.Select(e => e.Name));

    public static WriteEndpoint Named(string name) => All.Single(e => e.Name == name);
}

/// <summary>
/// One host and database with a member, a plan (2016-2018), a lead ministry and another ministry; each endpoint
/// case arranges its own fresh commitment or milestone so cases never see each other's writes.
/// </summary>
public class WriteWorld : TrackerApp
{
    private int _counter;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (Guid Member, Guid Plan, Guid Lead, Guid Other)? _world;

    public int Next() => Interlocked.Increment(ref _counter);
    public string NextCode() => $"WW{Next():0000}";

    public async Task<Guid> MemberId() => (await World()).Member;
    public async Task<Guid> PlanId() => (await World()).Plan;
    public async Task<Guid> LeadId() => (await World()).Lead;
    public async Task<Guid> OtherMinistryId() => (await World()).Other;

    public async Task<Guid> NewPlan() => await Arrange.Plan(Admin(), await MemberId(), $"Plan {Next()}", "2016-01-01", "2018-06-30", 9);

    public async Task<Guid> NewCommitment() => await Arrange.Commitment(Admin(), await PlanId(), NextCode(), await LeadId());

    public async Task<Guid> NewMilestone() => await Arrange.Milestone(Admin(), await NewCommitment(), "2016-03-01", "2017-03-01");

    private async Task<(Guid Member, Guid Plan, Guid Lead, Guid Other)> World()
    {
        await _gate.WaitAsync();
        try
        {
            if (_world is { } world) return world;
            var admin = Admin();
            var member = await Arrange.Member(admin, "Writeland", "WW");
            var lead = await Arrange.Institution(admin, member, "Ministry of Writing");
            var other = await Arrange.Institution(admin, member, "Ministry of Reading");
            var plan = await Arrange.Plan(admin, member, "Writeland 2016-2018", "2016-01-01", "2018-06-30", 1);
            _world = (member, plan, lead, other);
            return _world.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
