using JasperFx.Events.Projections;
using Marten;
using Tracker.Infrastructure;
using Tracker.Plans;

namespace Tracker.Commitments;

/// <summary>The commitments slice: its projection and its routes.</summary>
public static class CommitmentsModule
{
    /// <summary>Commitments are folded inline so writes read their own result; codes are unique.</summary>
    public static void AddCommitments(StoreOptions options)
    {
        options.Projections.Snapshot<Commitment>(SnapshotLifecycle.Inline);
        options.Schema.For<Commitment>().UniqueIndex(c => c.Code).Index(c => c.PlanId);
    }

    /// <summary>Maps <c>/api/commitments</c> and <c>/api/plans/{id}/commitments</c>.</summary>
    public static IEndpointRouteBuilder MapCommitments(this IEndpointRouteBuilder app)
    {
        RegisterCommitmentHandler.Map(app);
        var commitments = app.MapGroup("/api/commitments").WithTags("Commitments");
        ReviseCommitmentHandler.Map(commitments);
        WithdrawCommitmentHandler.Map(commitments);
        ClusterCommitmentHandler.Map(commitments);
        Pages.CommitmentForms.Map(app);

        commitments.MapGet("/{idOrCode}", static async Task<IResult> (string idOrCode, string? asOf, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                if (await CommitmentPage.LoadAsync(session, idOrCode, instant, http.CallerOrNull(),
                        http.RequestServices.GetRequiredService<TimeProvider>(), ct) is not { } page)
                    return Problems.Result(Problems.Of(404, "commitment.not_found", $"No commitment '{idOrCode}'{(instant is null ? "" : " at that time")}."));
                http.Response.Headers.ETag = Writes.ETag(page.Version);
                return TypedResults.Ok(page);
            })
            .WithName("GetCommitmentPage")
            .WithSummary("Read a commitment page by id or public code (e.g. NL0025)")
            .Produces<CommitmentPage>().ProducesProblem(404).ProducesValidationProblem();

        app.MapGet("/api/plans/{planId:guid}/commitments", static async Task<IResult> (Guid planId, string? asOf, IQuerySession session,
                CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                if (await AsOf.Load<Plan>(session, planId, instant, ct) is null)
                    return Problems.Result(Problems.Of(404, "plan.not_found", $"No plan with id '{planId}'."));
                var current = await session.Query<Commitment>().Where(c => c.PlanId == planId).ToListAsync(ct);
                var commitments = await AsOf.Each(session, current.OrderBy(c => c.Code), c => c.Id, instant, ct);
                return TypedResults.Ok(commitments);
            })
            .WithTags("Plans")
            .WithName("ListPlanCommitments")
            .WithSummary("List a plan's commitments")
            .Produces<IReadOnlyList<Commitment>>().ProducesProblem(404).ProducesValidationProblem();
        return app;
    }
}
