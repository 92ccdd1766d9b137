using Marten;
using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Plans;

/// <summary>Body of <c>POST /api/plans/{planId}/amendments</c>: the plan's new title, period and cutoff, and why.</summary>
public sealed record AmendPlanRequest(string? Title, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? MidtermCutoff, string? Reason);

/// <summary>Amends a plan (e.g. the 2020 COVID extension of implementation periods).</summary>
public sealed record AmendPlan(Guid PlanId, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly MidtermCutoff, string Reason,
    long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides an amendment.</summary>
public static class AmendPlanHandler
{
    /// <summary>Loads the dates inside the plan that its period bounds.</summary>
    public static Task<PlanContents> LoadAsync(AmendPlan command, IQuerySession session, CancellationToken ct) =>
        PlanContents.LoadAsync(session, command.PlanId, ct);

    /// <summary>
    /// Only an admin amends, while the plan has not ended, to a period that still holds every date inside the plan;
    /// an amendment that changes nothing appends nothing.
    /// </summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(AmendPlan command, Plan plan, PlanContents contents, TimeProvider clock)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(plan.Id, plan.Version, command.ExpectedVersion);
        plan.EnsureNotEnded();
        if (plan.Title == command.Title && plan.PeriodStart == command.PeriodStart && plan.PeriodEnd == command.PeriodEnd
            && plan.MidtermCutoff == command.MidtermCutoff)
            return (new UpdatedAggregate(), []);
        if (contents.OutsidePeriod(command.PeriodStart, command.PeriodEnd) is { Count: > 0 } outside)
            throw new TrackerRuleBroken("plan.period_excludes_dates",
                $"The period {command.PeriodStart:yyyy-MM-dd}..{command.PeriodEnd:yyyy-MM-dd} would leave outside it: {Listed(outside)}.", RuleKind.Conflict);
        return (new UpdatedAggregate(), [new PlanAmended(plan.Id, command.Title, command.PeriodStart, command.PeriodEnd,
            command.MidtermCutoff, command.Reason, command.Caller.UserId, clock.GetUtcNow())]);
    }

    private static string Listed(IReadOnlyList<DateOutsidePeriod> outside, int shown = 20) =>
        string.Join("; ", outside.Take(shown)) + (outside.Count > shown ? $"; and {outside.Count - shown} more" : "");

    /// <summary>The shape checks of an amendment, the same for the API's JSON and the workbench's form.</summary>
    public static FieldErrors ShapeErrors(AmendPlanRequest body) =>
        Plan.PeriodErrors(new FieldErrors().Text("title", body.Title, max: 300).Required("periodStart", body.PeriodStart)
            .Required("periodEnd", body.PeriodEnd).Required("midtermCutoff", body.MidtermCutoff).Text("reason", body.Reason, max: 2_000),
            body.PeriodStart, body.PeriodEnd, body.MidtermCutoff);

    /// <summary>The command of a request that passed <see cref="ShapeErrors"/>.</summary>
    public static AmendPlan Command(Guid planId, AmendPlanRequest body, long? expectedVersion, Caller caller) =>
        new(planId, body.Title!.Trim(), body.PeriodStart!.Value, body.PeriodEnd!.Value, body.MidtermCutoff!.Value, body.Reason!.Trim(), expectedVersion, caller);

    /// <summary>Maps <c>POST /api/plans/{planId}/amendments</c>.</summary>
    public static void Map(RouteGroupBuilder plans) =>
        plans.MapPost("/{planId:guid}/amendments", static async (Guid planId, AmendPlanRequest body, HttpContext http) =>
            {
                var errors = ShapeErrors(body);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Plan>(http, expected => Command(planId, body, expected, http.Caller()),
                    p => new WriteResult(200, p, p.Version, $"/api/plans/{p.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("AmendPlan")
            .WithRequestExample("""{"title":"Netherlands 2016-2018 National Action Plan","periodStart":"2016-07-01","periodEnd":"2018-12-31","midtermCutoff":"2017-06-30","reason":"Extension agreed with OGP"}""")
            .WithSummary("Amend a plan's title, period or midterm cutoff")
            .Produces<Plan>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
