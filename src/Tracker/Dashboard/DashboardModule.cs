using JasperFx.Events.Projections;
using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Dashboard;

/// <summary>Commitments of one lead institution: the "no hiding place" line.</summary>
/// <param name="LatestReport">The latest day any of its milestones' progress is reported as of; null when none was reported.</param>
public sealed record InstitutionLine(Guid InstitutionId, string? Name, int Commitments, int Complete, int OverdueMilestones, DateOnly? LatestReport);

/// <summary>A commitment's line in the table the completion chart is drawn from.</summary>
public sealed record CommitmentLine(Guid CommitmentId, string Code, string Title, Guid LeadInstitutionId, Rated<Completion> Completion, int OverdueMilestones);

/// <summary>An overdue milestone: planned end passed, not complete.</summary>
public sealed record OverdueMilestone(Guid MilestoneId, string? Code, int Number, string Text, DateOnly PlannedEnd, ProgressLevel? Latest);

/// <summary>The public plan dashboard (§5): commitments by completion and by lead institution, overdue work, stars, latest updates.</summary>
public sealed record PlanDashboardView(Guid PlanId, string Title, DateOnly Today, int Commitments, IReadOnlyDictionary<Rated<Completion>, int> ByCompletion,
    IReadOnlyList<InstitutionLine> ByLeadInstitution, IReadOnlyList<OverdueMilestone> OverdueMilestones, int? StarredAtMidterm,
    int? StarredAtEndOfTerm, IReadOnlyList<DashboardUpdate> LatestUpdates, IReadOnlyList<CommitmentLine> CommitmentLines);

/// <summary>A dashboard read with what it was computed from, for pages that show more of it (the starred commitments).</summary>
public sealed record PlanDashboardRead(PlanDashboardView View, IReadOnlyDictionary<Guid, string> InstitutionNames, ReviewReport? Midterm,
    ReviewReport? EndOfTerm);

/// <summary>The dashboard slice: its async projection and its route.</summary>
public static class DashboardModule
{
    /// <summary>The dashboard spans many streams, so it is projected asynchronously.</summary>
    public static void AddDashboard(StoreOptions options) =>
        options.Projections.Add<PlanDashboardProjection>(ProjectionLifecycle.Async);

    /// <summary>Maps <c>GET /api/plans/{planId}/dashboard</c>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans/{planId:guid}/dashboard", static async Task<IResult> (Guid planId, string? asOf, IQuerySession session, TimeProvider clock,
                CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                if (await ReadAsync(session, planId, instant, clock, ct) is not { } read)
                    return Problems.Result(Problems.Of(404, "plan.not_found", $"No plan with id '{planId}' (a new plan appears within seconds)."));
                return TypedResults.Ok(read.View);
            })
            .WithTags("Plans").WithName("GetPlanDashboard")
            .WithSummary("The public plan dashboard: completion, lead institutions, overdue milestones, stars, latest updates")
            .Produces<PlanDashboardView>().ProducesProblem(404).ProducesValidationProblem();
        return app;
    }

    /// <summary>
    /// Reads a plan's dashboard now or as of an instant (overdue is then judged on that day): the projected facts,
    /// the lead institutions' names and the plan's review reports as they stood. Null when the plan did not exist.
    /// </summary>
    public static async Task<PlanDashboardRead?> ReadAsync(IQuerySession session, Guid planId, DateTimeOffset? asOf, TimeProvider clock,
        CancellationToken ct)
    {
        var (dashboard, midterm, endOfTerm) = asOf is null ? await CurrentAsync(session, planId, ct) : await AsOfAsync(session, planId, asOf.Value, ct);
        if (dashboard is null) return null;
        var institutions = (await session.LoadManyAsync<Institution>(ct, dashboard.Commitments.Values.Select(c => c.LeadInstitutionId).Distinct()))
            .ToDictionary(i => i.Id, i => i.Name);
        var today = DateOnly.FromDateTime((asOf ?? clock.GetUtcNow()).UtcDateTime);
        return new PlanDashboardRead(View(dashboard, institutions, midterm, endOfTerm, today), institutions, midterm, endOfTerm);
    }

    // The dashboard and both review reports in one round trip: their ids are known before anything is read.
    private static async Task<(PlanDashboard?, ReviewReport?, ReviewReport?)> CurrentAsync(IQuerySession session, Guid planId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var dashboard = batch.Load<PlanDashboard>(planId);
        var midterm = batch.Load<ReviewReport>(ReviewReport.IdFor(planId, ReportKind.Midterm));
        var endOfTerm = batch.Load<ReviewReport>(ReviewReport.IdFor(planId, ReportKind.EndOfTerm));
        await batch.Execute(ct);
        return (await dashboard, await midterm, await endOfTerm);
    }

    // As of an instant: the dashboard folded first, and the reports only for a plan that existed then.
    private static async Task<(PlanDashboard?, ReviewReport?, ReviewReport?)> AsOfAsync(IQuerySession session, Guid planId, DateTimeOffset asOf,
        CancellationToken ct)
    {
        if (await PlanDashboardAsOf.LoadAsync(session, planId, asOf, ct) is not { } dashboard) return (null, null, null);
        return (dashboard, await AsOf.Load<ReviewReport>(session, ReviewReport.IdFor(planId, ReportKind.Midterm), asOf, ct),
            await AsOf.Load<ReviewReport>(session, ReviewReport.IdFor(planId, ReportKind.EndOfTerm), asOf, ct));
    }

    /// <summary>Computes the view from the projected facts (pure).</summary>
    public static PlanDashboardView View(PlanDashboard d, IReadOnlyDictionary<Guid, string> institutionNames, ReviewReport? midterm,
        ReviewReport? endOfTerm, DateOnly today)
    {
        var milestonesOf = d.Milestones.Values.ToLookup(m => m.CommitmentId);
        var completion = d.Commitments.Values.ToDictionary(c => c.Id, c => c.Withdrawn
            ? Rated.Of(Completion.Withdrawn)
            : ComputedCompletion.From(milestonesOf[c.Id].Select(m => new MilestoneStatus(m.Latest, m.Withdrawn, m.Weight)).ToList()));
        var overdue = d.Milestones.Values.Where(m => Overdue.IsOverdue(m.PlannedEnd, m.Latest, m.Withdrawn, today))
            .OrderBy(m => m.PlannedEnd).Select(m => new OverdueMilestone(m.Id, d.CodeOf(m.CommitmentId), m.Number, m.Text, m.PlannedEnd, m.Latest)).ToList();
        var byInstitution = d.Commitments.Values.GroupBy(c => c.LeadInstitutionId).Select(g => new InstitutionLine(g.Key,
                institutionNames.GetValueOrDefault(g.Key), g.Count(), g.Count(c => completion[c.Id] == Rated.Of(Completion.Complete)),
                overdue.Count(o => g.Any(c => c.Code == o.Code)),
                g.SelectMany(c => milestonesOf[c.Id]).Max(m => m.LatestAsOf)))
            .OrderByDescending(l => l.OverdueMilestones).ThenBy(l => l.Name).ToList();
        static int? Stars(ReviewReport? report) =>
            report?.Status == ReportStatus.Published ? report.Published.Count(r => r.Starred == Rated.Of(true)) : null;
        return new PlanDashboardView(d.Id, d.Title, today, d.Commitments.Count,
            completion.Values.GroupBy(v => v).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            byInstitution, overdue, Stars(midterm), Stars(endOfTerm), d.LatestUpdates,
            d.Commitments.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new CommitmentLine(c.Id, c.Code, c.Title, c.LeadInstitutionId,
                completion[c.Id], overdue.Count(o => o.Code == c.Code))).ToList());
    }
}
