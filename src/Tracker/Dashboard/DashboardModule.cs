using JasperFx.Events.Projections;
using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Dashboard;

/// <summary>Commitments of one lead institution: the "no hiding place" line.</summary>
public sealed record InstitutionLine(Guid InstitutionId, string? Name, int Commitments, int Complete, int OverdueMilestones);

/// <summary>An overdue milestone: planned end passed, not complete.</summary>
public sealed record OverdueMilestone(Guid MilestoneId, string? Code, int Number, string Text, DateOnly PlannedEnd, ProgressLevel? Latest);

/// <summary>The public plan dashboard (§5): commitments by completion and by lead institution, overdue work, stars, latest updates.</summary>
public sealed record PlanDashboardView(Guid PlanId, string Title, DateOnly Today, int Commitments, IReadOnlyDictionary<string, int> ByCompletion,
    IReadOnlyList<InstitutionLine> ByLeadInstitution, IReadOnlyList<OverdueMilestone> OverdueMilestones, int? StarredAtMidterm,
    int? StarredAtEndOfTerm, IReadOnlyList<DashboardUpdate> LatestUpdates);

/// <summary>The dashboard slice: its async projection and its route.</summary>
public static class DashboardModule
{
    /// <summary>The dashboard spans many streams, so it is projected asynchronously.</summary>
    public static void AddDashboard(StoreOptions options) =>
        options.Projections.Add<PlanDashboardProjection>(ProjectionLifecycle.Async);

    /// <summary>Maps <c>GET /api/plans/{planId}/dashboard</c>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans/{planId:guid}/dashboard", static async Task<IResult> (Guid planId, IQuerySession session, TimeProvider clock,
                CancellationToken ct) =>
            {
                if (await session.LoadAsync<PlanDashboard>(planId, ct) is not { } dashboard)
                    return Problems.Result(Problems.Of(404, "plan.not_found", $"No plan with id '{planId}' (a new plan appears within seconds)."));
                var institutions = await session.LoadManyAsync<Institution>(ct, dashboard.Commitments.Values.Select(c => c.LeadInstitutionId).Distinct());
                var midterm = await session.LoadAsync<ReviewReport>(ReviewReport.IdFor(planId, ReportKind.Midterm), ct);
                var endOfTerm = await session.LoadAsync<ReviewReport>(ReviewReport.IdFor(planId, ReportKind.EndOfTerm), ct);
                return TypedResults.Ok(View(dashboard, institutions.ToDictionary(i => i.Id, i => i.Name), midterm, endOfTerm,
                    DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
            })
            .WithTags("Plans").WithName("GetPlanDashboard")
            .WithSummary("The public plan dashboard: completion, lead institutions, overdue milestones, stars, latest updates")
            .Produces<PlanDashboardView>().ProducesProblem(404);
        return app;
    }

    /// <summary>Computes the view from the projected facts (pure).</summary>
    public static PlanDashboardView View(PlanDashboard d, IReadOnlyDictionary<Guid, string> institutionNames, ReviewReport? midterm,
        ReviewReport? endOfTerm, DateOnly today)
    {
        var milestonesOf = d.Milestones.Values.ToLookup(m => m.CommitmentId);
        var completion = d.Commitments.Values.ToDictionary(c => c.Id, c => c.Withdrawn
            ? RatingText.Format(Rated.Of(Completion.Withdrawn))
            : RatingText.Format(ComputedCompletion.From(milestonesOf[c.Id].Select(m => new MilestoneStatus(m.Latest, m.Withdrawn, m.Weight)).ToList())));
        var overdue = d.Milestones.Values.Where(m => Overdue.IsOverdue(m.PlannedEnd, m.Latest, m.Withdrawn, today))
            .OrderBy(m => m.PlannedEnd).Select(m => new OverdueMilestone(m.Id, d.CodeOf(m.CommitmentId), m.Number, m.Text, m.PlannedEnd, m.Latest)).ToList();
        var byInstitution = d.Commitments.Values.GroupBy(c => c.LeadInstitutionId).Select(g => new InstitutionLine(g.Key,
                institutionNames.GetValueOrDefault(g.Key), g.Count(), g.Count(c => completion[c.Id] == "complete"),
                overdue.Count(o => g.Any(c => c.Code == o.Code))))
            .OrderByDescending(l => l.OverdueMilestones).ThenBy(l => l.Name).ToList();
        static int? Stars(ReviewReport? report) =>
            report?.Status == ReportStatus.Published ? report.Published.Count(r => r.Starred == true) : null;
        return new PlanDashboardView(d.Id, d.Title, today, d.Commitments.Count,
            completion.Values.GroupBy(v => v).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            byInstitution, overdue, Stars(midterm), Stars(endOfTerm), d.LatestUpdates);
    }
}
