using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Commitments;

/// <summary>Body of <c>POST /api/commitments/{commitmentId}/cluster</c>.</summary>
/// <param name="Cluster">The cluster's name, e.g. "Open contracting".</param>
public sealed record ClusterCommitmentRequest(string? Cluster);

/// <summary>Places a commitment in a cluster of related commitments.</summary>
public sealed record ClusterCommitment(Guid CommitmentId, string Cluster, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides a clustering.</summary>
public static class ClusterCommitmentHandler
{
    /// <summary>Only an admin clusters an active commitment; the same cluster again appends nothing.</summary>
    public static Events Decide(ClusterCommitment command, Commitment commitment, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(commitment.Id, commitment.Version, command.ExpectedVersion);
        commitment.EnsureActive();
        if (commitment.Cluster == command.Cluster) return [];
        return [new CommitmentClustered(commitment.Id, commitment.PlanId, command.Cluster, command.Caller.UserId, now)];
    }

    /// <summary>Appends the decided clustering.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(ClusterCommitment command, Commitment commitment, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(command, commitment, clock.GetUtcNow()));

    /// <summary>Maps <c>POST /api/commitments/{commitmentId}/cluster</c>.</summary>
    public static void Map(RouteGroupBuilder commitments) =>
        commitments.MapPost("/{commitmentId:guid}/cluster", static async (Guid commitmentId, ClusterCommitmentRequest body, HttpContext http) =>
            {
                var errors = new FieldErrors().Text("cluster", body.Cluster, max: 300);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Commitment>(http, expected => new ClusterCommitment(commitmentId, body.Cluster!.Trim(), expected, http.Caller()), c => new WriteResult(200, c, c.Version, $"/api/commitments/{c.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("ClusterCommitment")
            .WithRequestExample("""{"cluster":"Open policy making"}""")
            .WithSummary("Place a commitment in a cluster")
            .Produces<Commitment>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
