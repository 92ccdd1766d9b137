using JasperFx.Events.Projections;
using Marten;
using Tracker.Infrastructure;
using Tracker.Members;

namespace Tracker.Plans;

/// <summary>The plans slice: its projection and its routes.</summary>
public static class PlansModule
{
    /// <summary>Plans are folded inline so a registration reads its own result.</summary>
    public static void AddPlans(StoreOptions options) =>
        options.Projections.Snapshot<Plan>(SnapshotLifecycle.Inline);

    /// <summary>Maps <c>/api/plans</c>.</summary>
    public static IEndpointRouteBuilder MapPlans(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/plans").WithTags("Plans");
        RegisterPlanHandler.Map(plans);
        AmendPlanHandler.Map(plans);
        EndPlanHandler.Map(plans);
        SetProgressApprovalHandler.Map(plans);
        Pages.PlanForms.Map(app);

        plans.MapGet("/", static async Task<IResult> (string? member, string? asOf, IQuerySession session, CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                var query = session.Query<Plan>();
                IReadOnlyList<Plan> current;
                if (string.IsNullOrWhiteSpace(member))
                    current = await query.OrderBy(p => p.PeriodStart).ToListAsync(ct);
                else
                {
                    var members = await session.Query<Member>().ToListAsync(ct);
                    var match = members.FirstOrDefault(m => m.Id.ToString() == member
                        || string.Equals(m.Code, member, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(m.Name, member, StringComparison.OrdinalIgnoreCase));
                    if (match is null) return TypedResults.Ok(Array.Empty<Plan>());
                    current = await query.Where(p => p.MemberId == match.Id).OrderBy(p => p.PeriodStart).ToListAsync(ct);
                }
                return TypedResults.Ok(await AsOf.Each(session, current, p => p.Id, instant, ct));
            })
            .WithName("ListPlans")
            .WithSummary("List action plans, optionally of one member (id, code or name)")
            .Produces<IReadOnlyList<Plan>>().ProducesValidationProblem();

        plans.MapGet("/{id:guid}", static async Task<IResult> (Guid id, string? asOf, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                if (await AsOf.Load<Plan>(session, id, instant, ct) is not { } plan)
                    return Problems.Result(Problems.Of(404, "plan.not_found", $"No plan with id '{id}'{(instant is null ? "" : " at that time")}."));
                http.Response.Headers.ETag = Writes.ETag(plan.Version);
                return TypedResults.Ok(plan);
            })
            .WithName("GetPlan")
            .WithSummary("Read an action plan")
            .Produces<Plan>().ProducesProblem(404).ProducesValidationProblem();
        return app;
    }
}
