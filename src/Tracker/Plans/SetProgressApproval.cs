using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Plans;

/// <summary>Body of <c>POST /api/plans/{planId}/progress-approval</c>.</summary>
/// <param name="Required">True: each progress report waits for the point of contact's approval before it is public.</param>
public sealed record SetProgressApprovalRequest(bool? Required);

/// <summary>Turns the approval of progress reports on or off for a plan.</summary>
public sealed record SetProgressApproval(Guid PlanId, bool Required, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides the setting.</summary>
public static class SetProgressApprovalHandler
{
    /// <summary>Only an admin sets it; the setting it already has appends nothing. Reports already public stay public.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(SetProgressApproval command, Plan plan, TimeProvider clock)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(plan.Id, plan.Version, command.ExpectedVersion);
        if (plan.ProgressApprovalRequired == command.Required) return (new UpdatedAggregate(), []);
        return (new UpdatedAggregate(), [new PlanProgressApprovalSet(plan.Id, command.Required, command.Caller.UserId, clock.GetUtcNow())]);
    }

    /// <summary>Maps <c>POST /api/plans/{planId}/progress-approval</c>.</summary>
    public static void Map(RouteGroupBuilder plans) =>
        plans.MapPost("/{planId:guid}/progress-approval", static async (Guid planId, SetProgressApprovalRequest body, HttpContext http) =>
            {
                var errors = new FieldErrors().Required("required", body.Required);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Plan>(http, expected => new SetProgressApproval(planId, body.Required!.Value, expected, http.Caller()),
                    p => new WriteResult(200, p, p.Version, $"/api/plans/{p.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("SetProgressApproval")
            .WithRequestExample("""{"required":true}""")
            .WithSummary("Ask (or stop asking) for the point of contact's approval of each progress report before it is public")
            .Produces<Plan>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
