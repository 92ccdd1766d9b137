using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Plans;
using Wolverine.Marten;

namespace Tracker.Milestones;

/// <summary>Body of <c>POST /api/commitments/{commitmentId}/milestones</c>.</summary>
/// <param name="Number">Its number within the commitment; the next free one when omitted.</param>
/// <param name="Text">What the milestone commits to.</param>
/// <param name="Deliverable">The verifiable output, if the plan names one.</param>
/// <param name="Weight">Its share in the computed completion (default 1).</param>
public sealed record PlanMilestoneRequest(int? Number, string? Text, string? Deliverable, DateOnly? PlannedStart,
    DateOnly? PlannedEnd, decimal? Weight);

/// <summary>Plans a milestone of a commitment: starts its stream.</summary>
public sealed record PlanMilestone(Guid MilestoneId, Guid CommitmentId, int? Number, string Text, string? Deliverable,
    DateOnly PlannedStart, DateOnly PlannedEnd, decimal Weight, Caller Caller) : ITrackerCommand;

/// <summary>The numbers a commitment's milestones already use.</summary>
public sealed record TakenMilestoneNumbers(IReadOnlyList<int> Numbers);

/// <summary>Decides a milestone plan.</summary>
public static class PlanMilestoneHandler
{
    /// <summary>Loads the commitment and plan, and the numbers its milestones already use.</summary>
    public static async Task<(MilestoneContext, TakenMilestoneNumbers)> LoadAsync(PlanMilestone command, IQuerySession session, CancellationToken ct)
    {
        var context = await MilestoneContext.LoadAsync(session, command.CommitmentId, ct);
        var numbers = await session.Query<Milestone>().Where(m => m.CommitmentId == command.CommitmentId).Select(m => m.Number).ToListAsync(ct);
        return (context, new TakenMilestoneNumbers(numbers));
    }

    /// <summary>Only an admin plans milestones, of an active commitment, within the plan period, under a free number.</summary>
    public static MilestonePlanned Decide(PlanMilestone command, MilestoneContext context, TakenMilestoneNumbers taken, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        context.Commitment.EnsureActive();
        context.Plan.EnsureNotEnded("takes no new milestones");
        context.EnsureWithinPlan("plannedStart", command.PlannedStart);
        context.EnsureWithinPlan("plannedEnd", command.PlannedEnd);
        var number = command.Number ?? (taken.Numbers.Count == 0 ? 1 : taken.Numbers.Max() + 1);
        if (taken.Numbers.Contains(number))
            throw new TrackerRuleBroken("milestone.number_taken", $"{context.Commitment.Code} already has a milestone {number}.", RuleKind.Conflict, "number");
        return new MilestonePlanned(command.MilestoneId, command.CommitmentId, context.Plan.Id, number, command.Text, command.Deliverable,
            command.PlannedStart, command.PlannedEnd, command.Weight, command.Caller.UserId, now);
    }

    /// <summary>Starts the milestone's stream with the decided plan.</summary>
    public static (StreamStarted, IStartStream) Handle(PlanMilestone command, MilestoneContext context, TakenMilestoneNumbers taken, TimeProvider clock) =>
        (new StreamStarted(command.MilestoneId, 1), MartenOps.StartStream<Milestone>(command.MilestoneId, Decide(command, context, taken, clock.GetUtcNow())));

    /// <summary>The shape checks of a milestone plan, the same for the API's JSON and the workbench's form.</summary>
    public static FieldErrors ShapeErrors(PlanMilestoneRequest body)
    {
        var errors = new FieldErrors()
            .Text("text", body.Text, max: 5_000)
            .OptionalText("deliverable", body.Deliverable, max: 2_000)
            .Required("plannedStart", body.PlannedStart)
            .Required("plannedEnd", body.PlannedEnd)
            .Check("number", body.Number is null or (>= 1 and <= 999), "Must be between 1 and 999.")
            .Check("weight", body.Weight is null or (> 0 and <= 100), "Must be more than 0 and at most 100.");
        if (body is { PlannedStart: { } start, PlannedEnd: { } end }) errors.Check("plannedEnd", end >= start, "The end must not be before the start.");
        return errors;
    }

    /// <summary>The command of a request that passed <see cref="ShapeErrors"/>.</summary>
    public static PlanMilestone Command(Guid commitmentId, PlanMilestoneRequest body, Guid milestoneId, Caller caller) =>
        new(milestoneId, commitmentId, body.Number, body.Text!.Trim(), body.Deliverable?.Trim(), body.PlannedStart!.Value, body.PlannedEnd!.Value,
            body.Weight ?? 1m, caller);

    /// <summary>Maps <c>POST /api/commitments/{commitmentId}/milestones</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/commitments/{commitmentId:guid}/milestones", static async (Guid commitmentId, PlanMilestoneRequest body, HttpContext http) =>
            {
                var errors = ShapeErrors(body);
                if (errors.Any) return errors.Problem();
                return await Writes.Send<StreamStarted>(http, Command(commitmentId, body, Guid.CreateVersion7(), http.Caller()),
                    started => new WriteResult(201, started, started.Version, $"/api/milestones/{started.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithTags("Milestones")
            .WithName("PlanMilestone")
            .WithRequestExample("""{"number":1,"text":"Professionalisation course \"The Art of Connecting\" for all policy staff","plannedStart":"2016-07-01","plannedEnd":"2018-06-30"}""")
            .WithSummary("Plan a milestone of a commitment")
            .Produces<StreamStarted>(201)
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
