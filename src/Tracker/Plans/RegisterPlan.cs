using Marten;
using Tracker.Infrastructure;
using Tracker.Members;
using Wolverine.Marten;

namespace Tracker.Plans;

/// <summary>Body of <c>POST /api/plans</c>.</summary>
/// <param name="MemberId">The member (country or locality) whose plan this is.</param>
/// <param name="Number">The plan's number for that member (1 for the first plan).</param>
/// <param name="Title">E.g. "Netherlands 2016-2018 National Action Plan".</param>
/// <param name="PeriodStart">First day of implementation.</param>
/// <param name="PeriodEnd">Last day of implementation.</param>
/// <param name="MidtermCutoff">Cutoff of the midterm review; defaults to the end of the plan's first year.</param>
public sealed record RegisterPlanRequest(Guid? MemberId, int? Number, string? Title, DateOnly? PeriodStart,
    DateOnly? PeriodEnd, DateOnly? MidtermCutoff);

/// <summary>Registers an action plan: starts its stream.</summary>
public sealed record RegisterPlan(Guid PlanId, Guid MemberId, int Number, string Title, DateOnly PeriodStart,
    DateOnly PeriodEnd, DateOnly MidtermCutoff, Caller Caller) : ITrackerCommand;

/// <summary>Decides a plan registration.</summary>
public static class RegisterPlanHandler
{
    /// <summary>Loads the member the plan belongs to.</summary>
    public static Task<Member?> LoadAsync(RegisterPlan command, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Member>(command.MemberId, ct);

    /// <summary>Only an admin registers plans, for a member that exists.</summary>
    public static PlanRegistered Decide(RegisterPlan command, Member? member, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        if (member is null)
            throw TrackerRuleBroken.InvalidField("memberId", "member.not_found", $"No member with id '{command.MemberId}'.");
        return new PlanRegistered(command.PlanId, command.MemberId, command.Number, command.Title,
            command.PeriodStart, command.PeriodEnd, command.MidtermCutoff, command.Caller.UserId, now);
    }

    /// <summary>Starts the plan's stream with the decided registration.</summary>
    public static (StreamStarted, IStartStream) Handle(RegisterPlan command, Member? member, TimeProvider clock) =>
        (new StreamStarted(command.PlanId, 1), MartenOps.StartStream<Plan>(command.PlanId, Decide(command, member, clock.GetUtcNow())));

    /// <summary>The shape checks of a registration, the same for the API's JSON and the workbench's form.</summary>
    public static FieldErrors ShapeErrors(RegisterPlanRequest body) =>
        Plan.PeriodErrors(new FieldErrors()
            .Required("memberId", body.MemberId)
            .Range("number", body.Number, 1, 99)
            .Text("title", body.Title, max: 300)
            .Required("periodStart", body.PeriodStart)
            .Required("periodEnd", body.PeriodEnd), body.PeriodStart, body.PeriodEnd, body.MidtermCutoff);

    /// <summary>The command of a request that passed <see cref="ShapeErrors"/>.</summary>
    public static RegisterPlan Command(RegisterPlanRequest body, Guid planId, Caller caller)
    {
        var (start, end) = (body.PeriodStart!.Value, body.PeriodEnd!.Value);
        return new RegisterPlan(planId, body.MemberId!.Value, body.Number!.Value, body.Title!.Trim(), start, end,
            body.MidtermCutoff ?? Plan.DefaultMidtermCutoff(start, end), caller);
    }

    /// <summary>Maps <c>POST /api/plans</c>.</summary>
    public static void Map(RouteGroupBuilder plans) =>
        plans.MapPost("/", static async (RegisterPlanRequest body, HttpContext http) =>
            {
                var errors = ShapeErrors(body);
                if (errors.Any) return errors.Problem();
                return await Writes.Send<StreamStarted>(http, Command(body, Guid.CreateVersion7(), http.Caller()),
                    started => new WriteResult(201, started, started.Version, $"/api/plans/{started.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("RegisterPlan")
            .WithRequestExample("""{"memberId":"0195f0a2-7c1e-7000-8000-000000000001","number":3,"title":"Netherlands 2016-2018 National Action Plan","periodStart":"2016-07-01","periodEnd":"2018-06-30"}""")
            .WithSummary("Register an action plan")
            .Produces<StreamStarted>(201)
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
}
