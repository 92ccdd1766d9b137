using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Plans;
using Tracker.Ratings;
using Wolverine.Marten;

namespace Tracker.Commitments;

/// <summary>Body of <c>POST /api/commitments/{commitmentId}/revisions</c>: the whole new text and why it changed.</summary>
public sealed record ReviseCommitmentRequest(string? Title, string? ShortTitle, string? FullText, Guid? LeadInstitutionId,
    IReadOnlyList<Guid>? SupportingInstitutionIds, string? SupportingInstitutionsText, DateOnly? Start, DateOnly? End,
    IReadOnlyList<string>? PolicyAreas, IReadOnlyList<OgpValue>? ClaimedValues, string? Reason,
    IReadOnlyList<Guid>? CoLeadInstitutionIds = null) : ICommitmentTextRequest;

/// <summary>Revises a commitment's text.</summary>
public sealed record ReviseCommitment(Guid CommitmentId, CommitmentText Text, string Reason, long? ExpectedVersion, Caller Caller)
    : ITrackerCommand;

/// <summary>What a revision is decided against: the commitment's plan and the institutions the new text names.</summary>
public sealed record CommitmentRevisionContext(Plan Plan, IReadOnlyList<Institution> Institutions);

/// <summary>Decides a revision.</summary>
public static class ReviseCommitmentHandler
{
    /// <summary>Loads the plan and the named institutions (Wolverine passes the fetched commitment).</summary>
    public static async Task<CommitmentRevisionContext> LoadAsync(ReviseCommitment command, Commitment commitment, IQuerySession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var plan = batch.Load<Plan>(commitment.PlanId);
        var institutions = batch.LoadMany<Institution>().ById(CommitmentTextRules.InstitutionIds(command.Text));
        await batch.Execute(ct);
        return new(await plan ?? throw TrackerRuleBroken.NotFound("plan", commitment.PlanId), await institutions);
    }

    /// <summary>Only an admin revises an active commitment; a revision identical to the current text appends nothing.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(ReviseCommitment command, Commitment commitment, CommitmentRevisionContext context, TimeProvider clock)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(commitment.Id, commitment.Version, command.ExpectedVersion);
        commitment.EnsureActive();
        CommitmentTextRules.EnsureConsistent(command.Text, context.Plan, context.Institutions);
        if (Same(command.Text, commitment.Text)) return (new UpdatedAggregate(), []);
        return (new UpdatedAggregate(), [new CommitmentRevised(commitment.Id, commitment.PlanId, command.Text, command.Reason, command.Caller.UserId, clock.GetUtcNow())]);
    }

    private static bool Same(CommitmentText a, CommitmentText b) =>
        a with { SupportingInstitutionIds = [], PolicyAreas = [], ClaimedValues = [], CoLeadInstitutionIds = null }
            == b with { SupportingInstitutionIds = [], PolicyAreas = [], ClaimedValues = [], CoLeadInstitutionIds = null }
        && a.SupportingInstitutionIds.SequenceEqual(b.SupportingInstitutionIds) && a.CoLeads.SequenceEqual(b.CoLeads)
        && a.PolicyAreas.SequenceEqual(b.PolicyAreas) && a.ClaimedValues.SequenceEqual(b.ClaimedValues);

    /// <summary>The shape checks of a revision, the same for the API's JSON and the workbench's form.</summary>
    public static FieldErrors ShapeErrors(ReviseCommitmentRequest body) =>
        CommitmentTextRules.Validate(body, new FieldErrors().Text("reason", body.Reason, max: 2_000));

    /// <summary>The command of a request that passed <see cref="ShapeErrors"/>.</summary>
    public static ReviseCommitment Command(Guid commitmentId, ReviseCommitmentRequest body, long? expectedVersion, Caller caller) =>
        new(commitmentId, CommitmentTextRules.ToText(body), body.Reason!.Trim(), expectedVersion, caller);

    /// <summary>Maps <c>POST /api/commitments/{commitmentId}/revisions</c>.</summary>
    public static void Map(RouteGroupBuilder commitments) =>
        commitments.MapPost("/{commitmentId:guid}/revisions", static async (Guid commitmentId, ReviseCommitmentRequest body, HttpContext http) =>
            {
                var errors = ShapeErrors(body);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Commitment>(http, expected => Command(commitmentId, body, expected, http.Caller()),
                    c => new WriteResult(200, c, c.Version, $"/api/commitments/{c.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("ReviseCommitment")
            .WithRequestExample("""{"title":"Training civil servants on public participation","leadInstitutionId":"0195f0a2-7c1e-7000-8000-000000000002","start":"2016-07-01","end":"2018-06-30","reason":"Scope agreed with civil society"}""")
            .WithSummary("Revise a commitment's text, institutions, dates, tags or claimed values")
            .Produces<Commitment>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
