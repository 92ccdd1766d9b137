using JasperFx.Events.Projections;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Milestones.Reporting;

namespace Tracker.Milestones;

/// <summary>The milestones slice: its projection and its routes.</summary>
public static class MilestonesModule
{
    /// <summary>Milestones and their progress records are projected inline so a report reads its own result.</summary>
    public static void AddMilestones(StoreOptions options)
    {
        // A rebuild reads 10,000 events a page rather than Marten's 500: 11k -> 19k events/s (docs/performance.md).
        options.Projections.Snapshot<Milestone>(SnapshotLifecycle.Inline, rebuild => rebuild.BatchSize = 10_000);
        options.Projections.Add<ProgressRecordProjection>(ProjectionLifecycle.Inline);
        // Histories are read per milestone, per commitment (its page) and per plan (reviews, feeds).
        options.Schema.For<ProgressRecord>().Index(r => r.MilestoneId).Index(r => r.CommitmentId).Index(r => r.PlanId);
        options.Schema.For<Milestone>().Index(m => m.CommitmentId).Index(m => m.PlanId)
            // A number names one milestone of a commitment, also when two plannings race.
            .UniqueIndex(Marten.Schema.UniqueIndexType.Computed, "milestone_number_per_commitment", m => m.CommitmentId, m => m.Number);
        options.Schema.For<Pages.ProgressDraft>();
    }

    /// <summary>Maps <c>/api/milestones</c> and <c>POST /api/commitments/{id}/milestones</c>.</summary>
    public static IEndpointRouteBuilder MapMilestones(this IEndpointRouteBuilder app)
    {
        PlanMilestoneHandler.Map(app);
        var milestones = app.MapGroup("/api/milestones").WithTags("Milestones");
        ReportMilestoneProgressHandler.Map(milestones);
        RebaselineMilestoneHandler.Map(milestones);
        WithdrawMilestoneHandler.Map(milestones);
        ApproveMilestoneProgressHandler.Map(milestones);
        // The ministry's workbench: the same commands, from the pages' forms.
        Pages.MyCommitments.Map(app);
        Pages.ProgressReportForm.Map(app);
        Pages.RebaselineForm.Map(app);
        Pages.ProgressApprovals.Map(app);
        Pages.MilestoneForms.Map(app);

        milestones.MapGet("/{id:guid}", static async Task<IResult> (Guid id, string? asOf, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                if (await AsOf.Load<Milestone>(session, id, instant, ct) is not { } milestone)
                    return Problems.Result(Problems.Of(404, "milestone.not_found", $"No milestone with id '{id}'{(instant is null ? "" : " at that time")}."));
                var commitment = await session.LoadAsync<Commitment>(milestone.CommitmentId, ct);
                var progress = await ProgressHistory.OfMilestoneAsync(session, id, instant, ct);
                http.Response.Headers.ETag = Writes.ETag(milestone.Version);
                var today = Days.AsOfDay(instant, http.RequestServices.GetRequiredService<TimeProvider>());
                var showPrivate = commitment is not null && await PrivateEvidence.ShownToAsync(session, commitment, http.CallerOrNull(), ct);
                return TypedResults.Ok(MilestoneView.Of(milestone, progress, showPrivate, today));
            })
            .WithName("GetMilestone")
            .WithSummary("Read a milestone with its latest progress and full history")
            .Produces<MilestoneView>().ProducesProblem(404).ProducesValidationProblem();
        return app;
    }
}
