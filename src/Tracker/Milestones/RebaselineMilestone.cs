using Marten;
using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Milestones;

/// <summary>Body of <c>POST /api/milestones/{milestoneId}/rebaseline</c>.</summary>
/// <param name="NewEnd">The new planned end date, within the plan period.</param>
/// <param name="Justification">Why the date moved (e.g. "COVID-19 extension granted by OGP").</param>
public sealed record RebaselineMilestoneRequest(DateOnly? NewEnd, string? Justification);

/// <summary>Moves a milestone's planned end date.</summary>
public sealed record RebaselineMilestone(Guid MilestoneId, DateOnly NewEnd, string Justification, long? ExpectedVersion, Caller Caller)
    : ITrackerCommand;

/// <summary>Decides a re-baselining.</summary>
public static class RebaselineMilestoneHandler
{
    /// <summary>Loads the commitment and plan the re-baselining is decided against (Wolverine passes the fetched milestone).</summary>
    public static Task<MilestoneContext> LoadAsync(Milestone milestone, IQuerySession session, CancellationToken ct) =>
        MilestoneContext.OfAsync(session, milestone, ct);

    /// <summary>Only the lead institution's staff re-baseline a live milestone, to a day within the plan; the same end appends nothing.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(RebaselineMilestone command, Milestone milestone, MilestoneContext context, TimeProvider clock)
    {
        context.EnsureLeadWrite(milestone, command.Caller, command.ExpectedVersion);
        context.EnsureWithinPlan("newEnd", command.NewEnd);
        if (command.NewEnd < milestone.PlannedStart)
            throw TrackerRuleBroken.InvalidField("newEnd", "date.before_start", $"The end cannot be before the planned start ({milestone.PlannedStart:yyyy-MM-dd}).");
        if (command.NewEnd == milestone.PlannedEnd) return (new UpdatedAggregate(), []);
        return (new UpdatedAggregate(), [new MilestoneRebaselined(milestone.Id, milestone.CommitmentId, milestone.PlanId, milestone.PlannedEnd, command.NewEnd,
            command.Justification, command.Caller.UserId, clock.GetUtcNow())]);
    }

    /// <summary>The shape checks of a re-baselining, the same for the API's JSON and the workbench's form.</summary>
    public static FieldErrors ShapeErrors(RebaselineMilestoneRequest body) =>
        new FieldErrors().Required("newEnd", body.NewEnd).Text("justification", body.Justification, max: 5_000);

    /// <summary>The command of a request that passed <see cref="ShapeErrors"/>.</summary>
    public static RebaselineMilestone Command(Guid milestoneId, RebaselineMilestoneRequest body, long? expectedVersion, Caller caller) =>
        new(milestoneId, body.NewEnd!.Value, body.Justification!.Trim(), expectedVersion, caller);

    /// <summary>Maps <c>POST /api/milestones/{milestoneId}/rebaseline</c>.</summary>
    public static void Map(RouteGroupBuilder milestones) =>
        milestones.MapPost("/{milestoneId:guid}/rebaseline", static async (Guid milestoneId, RebaselineMilestoneRequest body, HttpContext http) =>
            {
                var errors = ShapeErrors(body);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Milestone>(http, expected => Command(milestoneId, body, expected, http.Caller()),
                    m => new WriteResult(200, MilestoneSummary.Of(m, http.Today()), m.Version, $"/api/milestones/{m.Id}"));
            })
            .RequireAuthorization(Authentication.Ministry)
            .WithName("RebaselineMilestone")
            .WithRequestExample("""{"newEnd":"2018-06-30","justification":"Course capacity halved during the reorganisation"}""")
            .WithSummary("Move a milestone's planned end date, with the justification (lead institution's staff only)")
            .Produces<MilestoneSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
