using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Plans;

/// <summary>Body of <c>POST /api/plans/{planId}/end</c>.</summary>
/// <param name="EndedOn">The last day of implementation (default: the end of the period).</param>
public sealed record EndPlanRequest(DateOnly? EndedOn);

/// <summary>Ends a plan's implementation period.</summary>
public sealed record EndPlan(Guid PlanId, DateOnly? EndedOn, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides the end of a plan.</summary>
public static class EndPlanHandler
{
    /// <summary>
    /// Only an admin ends a plan, once, on a day within its period: a plan whose implementation runs longer has its
    /// period amended first, so every view that reads the period agrees with the end.
    /// </summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(EndPlan command, Plan plan, TimeProvider clock)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(plan.Id, plan.Version, command.ExpectedVersion);
        if (plan.Status == PlanStatus.Ended)
        {
            // Sent again (a retry) it appends nothing; another day would be a second end, which a plan does not have.
            if (command.EndedOn is null || plan.EndedOn is null || command.EndedOn == plan.EndedOn) return (new UpdatedAggregate(), []);
            throw new TrackerRuleBroken("plan.ended", $"The plan ended on {plan.EndedOn:yyyy-MM-dd}; it does not end again on another day.", RuleKind.Conflict, "endedOn");
        }
        var endedOn = command.EndedOn ?? plan.PeriodEnd;
        if (!plan.Covers(endedOn))
            throw TrackerRuleBroken.InvalidField("endedOn", "date.outside_plan",
                $"A plan ends within its period ({plan.PeriodStart:yyyy-MM-dd} to {plan.PeriodEnd:yyyy-MM-dd}); amend the period first to end it later.");
        return (new UpdatedAggregate(), [new PlanEnded(plan.Id, endedOn, command.Caller.UserId, clock.GetUtcNow())]);
    }

    /// <summary>Maps <c>POST /api/plans/{planId}/end</c>.</summary>
    public static void Map(RouteGroupBuilder plans) =>
        plans.MapPost("/{planId:guid}/end", static (Guid planId, EndPlanRequest body, HttpContext http) =>
                Writes.Update<Plan>(http, expected => new EndPlan(planId, body.EndedOn, expected, http.Caller()),
                    p => new WriteResult(200, p, p.Version, $"/api/plans/{p.Id}")))
            .RequireAuthorization(Authentication.Admin)
            .WithName("EndPlan")
            .WithRequestExample("""{"endedOn":"2018-06-30"}""")
            .WithSummary("End a plan's implementation period")
            .Produces<Plan>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
