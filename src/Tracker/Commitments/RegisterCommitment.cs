using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Plans;
using Tracker.Ratings;
using Wolverine.Marten;

namespace Tracker.Commitments;

/// <summary>Body of <c>POST /api/plans/{planId}/commitments</c>.</summary>
/// <param name="Code">The public code, the member's code and four digits: "NL0025".</param>
/// <param name="Number">The number within the plan, as the plan writes it: "07".</param>
/// <param name="CarriedForwardFrom">Code of the earlier commitment this one continues, if any.</param>
/// <param name="CoLeadInstitutionIds">Institutions that lead it beside the lead, in the plan's order.</param>
public sealed record RegisterCommitmentRequest(string? Code, string? Number, string? Title, string? ShortTitle, string? FullText,
    Guid? LeadInstitutionId, IReadOnlyList<Guid>? SupportingInstitutionIds, string? SupportingInstitutionsText,
    DateOnly? Start, DateOnly? End, IReadOnlyList<string>? PolicyAreas, IReadOnlyList<OgpValue>? ClaimedValues,
    string? CarriedForwardFrom, IReadOnlyList<Guid>? CoLeadInstitutionIds = null) : ICommitmentTextRequest;

/// <summary>Registers a commitment of a plan: starts its stream.</summary>
public sealed record RegisterCommitment(Guid CommitmentId, Guid PlanId, string Code, string Number, CommitmentText Text,
    string? CarriedForwardFrom, Caller Caller) : ITrackerCommand;

/// <summary>What a registration is decided against.</summary>
public sealed record CommitmentRegistrationContext(Plan? Plan, Member? Member, IReadOnlyList<Institution> Institutions, Commitment? SameCode);

/// <summary>Decides a commitment registration.</summary>
public static class RegisterCommitmentHandler
{
    /// <summary>Loads the plan, its member, the named institutions and any commitment already holding the code.</summary>
    public static async Task<CommitmentRegistrationContext> LoadAsync(RegisterCommitment command, IQuerySession session, CancellationToken ct)
    {
        var plan = await session.LoadAsync<Plan>(command.PlanId, ct);
        var member = plan is null ? null : await session.LoadAsync<Member>(plan.MemberId, ct);
        var institutions = await session.LoadManyAsync<Institution>(ct, CommitmentTextRules.InstitutionIds(command.Text));
        var sameCode = await session.Query<Commitment>().FirstOrDefaultAsync(c => c.Code == command.Code, ct);
        return new(plan, member, institutions, sameCode);
    }

    /// <summary>Starts the commitment's stream with the decided registration.</summary>
    public static (StreamStarted, IStartStream) Handle(RegisterCommitment command, CommitmentRegistrationContext context, TimeProvider clock) =>
        (new StreamStarted(command.CommitmentId, 1), MartenOps.StartStream<Commitment>(command.CommitmentId, Decide(command, context, clock.GetUtcNow())));

    /// <summary>Only an admin registers commitments, under a code of the plan's member that is not taken.</summary>
    public static CommitmentRegistered Decide(RegisterCommitment command, CommitmentRegistrationContext context, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        var plan = context.Plan ?? throw TrackerRuleBroken.NotFound("plan", command.PlanId);
        plan.EnsureNotEnded("takes no new commitments");
        if (context.Member is { } member && !command.Code.StartsWith(member.Code, StringComparison.Ordinal))
            throw TrackerRuleBroken.InvalidField("code", "commitment.code_member", $"Codes of {member.Name}'s commitments start with '{member.Code}'.");
        if (context.SameCode is { } taken)
            throw new TrackerRuleBroken("commitment.code_taken", $"The code {command.Code} is already registered ({taken.Id}).", RuleKind.Conflict, "code");
        CommitmentTextRules.EnsureConsistent(command.Text, plan, context.Institutions);

        return new CommitmentRegistered(command.CommitmentId, command.PlanId, command.Code, command.Number,
            command.Text, command.CarriedForwardFrom, command.Caller.UserId, now);
    }

    /// <summary>The shape checks of a registration, the same for the API's JSON and the workbench's form.</summary>
    public static FieldErrors ShapeErrors(RegisterCommitmentRequest body)
    {
        var errors = CommitmentTextRules.Validate(body, new FieldErrors()
            .Text("code", body.Code, max: 20)
            .Text("number", body.Number, max: 20)
            .OptionalText("carriedForwardFrom", body.CarriedForwardFrom, max: 20));
        if (body.Code is { } code) errors.Check("code", CommitmentTextRules.CodePattern().IsMatch(code), "The member's code and four digits, e.g. NL0025.");
        return errors;
    }

    /// <summary>The command of a request that passed <see cref="ShapeErrors"/>.</summary>
    public static RegisterCommitment Command(Guid planId, RegisterCommitmentRequest body, Guid commitmentId, Caller caller) =>
        new(commitmentId, planId, body.Code!, body.Number!.Trim(), CommitmentTextRules.ToText(body), body.CarriedForwardFrom, caller);

    /// <summary>Maps <c>POST /api/plans/{planId}/commitments</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/plans/{planId:guid}/commitments", static async (Guid planId, RegisterCommitmentRequest body, HttpContext http) =>
            {
                var errors = ShapeErrors(body);
                if (errors.Any) return errors.Problem();
                return await Writes.Send<StreamStarted>(http, Command(planId, body, Guid.CreateVersion7(), http.Caller()),
                    started => new WriteResult(201, started, started.Version, $"/api/commitments/{started.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithTags("Commitments")
            .WithName("RegisterCommitment")
            .WithRequestExample("""{"code":"NL0025","number":"07","title":"Training civil servants on public participation","shortTitle":"Develop skills of public sector staff","leadInstitutionId":"0195f0a2-7c1e-7000-8000-000000000002","supportingInstitutionsText":"Ministry of BZK and the civil society","start":"2016-07-01","end":"2018-06-30","policyAreas":["Capacity Building","Public Participation"],"claimedValues":["civicParticipation"]}""")
            .WithSummary("Register a commitment of a plan")
            .Produces<StreamStarted>(201)
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
