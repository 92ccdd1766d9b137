using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Milestones;

/// <summary>Body of <c>POST /api/milestones/{milestoneId}/withdrawal</c>.</summary>
public sealed record WithdrawMilestoneRequest(string? Reason);

/// <summary>Withdraws a milestone.</summary>
public sealed record WithdrawMilestone(Guid MilestoneId, string Reason, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides a milestone withdrawal.</summary>
public static class WithdrawMilestoneHandler
{
    /// <summary>Only an admin withdraws milestones; withdrawing twice appends nothing the second time.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(WithdrawMilestone command, Milestone milestone, TimeProvider clock)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(milestone.Id, milestone.Version, command.ExpectedVersion);
        if (milestone.Withdrawn) return (new UpdatedAggregate(), []);
        return (new UpdatedAggregate(), [new MilestoneWithdrawn(milestone.Id, milestone.CommitmentId, milestone.PlanId, command.Reason, command.Caller.UserId, clock.GetUtcNow())]);
    }

    /// <summary>The shape checks of a withdrawal, the same for the API's JSON and the workbench's form.</summary>
    public static FieldErrors ShapeErrors(WithdrawMilestoneRequest body) => new FieldErrors().Text("reason", body.Reason, max: 2_000);

    /// <summary>The command of a request that passed <see cref="ShapeErrors"/>.</summary>
    public static WithdrawMilestone Command(Guid milestoneId, WithdrawMilestoneRequest body, long? expectedVersion, Caller caller) =>
        new(milestoneId, body.Reason!.Trim(), expectedVersion, caller);

    /// <summary>Maps <c>POST /api/milestones/{milestoneId}/withdrawal</c>.</summary>
    public static void Map(RouteGroupBuilder milestones) =>
        milestones.MapPost("/{milestoneId:guid}/withdrawal", static async (Guid milestoneId, WithdrawMilestoneRequest body, HttpContext http) =>
            {
                var errors = ShapeErrors(body);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Milestone>(http, expected => Command(milestoneId, body, expected, http.Caller()),
                    m => new WriteResult(200, MilestoneSummary.Of(m, http.Today()), m.Version, $"/api/milestones/{m.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("WithdrawMilestone")
            .WithRequestExample("""{"reason":"Replaced by milestone 5"}""")
            .WithSummary("Withdraw a milestone")
            .Produces<MilestoneSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
