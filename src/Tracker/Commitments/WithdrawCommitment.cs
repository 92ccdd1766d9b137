using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Commitments;

/// <summary>Body of <c>POST /api/commitments/{commitmentId}/withdrawal</c>.</summary>
public sealed record WithdrawCommitmentRequest(string? Reason);

/// <summary>Withdraws a commitment from its plan.</summary>
public sealed record WithdrawCommitment(Guid CommitmentId, string Reason, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides a withdrawal.</summary>
public static class WithdrawCommitmentHandler
{
    /// <summary>Only an admin withdraws; withdrawing twice appends nothing the second time.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(WithdrawCommitment command, Commitment commitment, TimeProvider clock)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(commitment.Id, commitment.Version, command.ExpectedVersion);
        if (commitment.Status == CommitmentStatus.Withdrawn) return (new UpdatedAggregate(), []);
        return (new UpdatedAggregate(), [new CommitmentWithdrawn(commitment.Id, commitment.PlanId, command.Reason, command.Caller.UserId, clock.GetUtcNow())]);
    }

    /// <summary>Maps <c>POST /api/commitments/{commitmentId}/withdrawal</c>.</summary>
    public static void Map(RouteGroupBuilder commitments) =>
        commitments.MapPost("/{commitmentId:guid}/withdrawal", static async (Guid commitmentId, WithdrawCommitmentRequest body, HttpContext http) =>
            {
                var errors = new FieldErrors().Text("reason", body.Reason, max: 2_000);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Commitment>(http, expected => new WithdrawCommitment(commitmentId, body.Reason!.Trim(), expected, http.Caller()), c => new WriteResult(200, c, c.Version, $"/api/commitments/{c.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("WithdrawCommitment")
            .WithRequestExample("""{"reason":"Merged into commitment 08"}""")
            .WithSummary("Withdraw a commitment from its plan")
            .Produces<Commitment>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
