using Tracker.Ratings;
using Marten;
using Tracker.Infrastructure;
using Tracker.Members;
using Tracker.Plans;
using Tracker.PublicSite;
using Tracker.Reviews;

namespace Tracker.Dashboard.Pages;

/// <summary>A plan on the home page, with how many of its commitments are complete by their milestones' progress.</summary>
/// <param name="Assessed">Commitments whose completion can be computed (they have milestones); the rest are "not assessed".</param>
public sealed record PlanOnHome(Guid Id, int Number, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, int Commitments, int Complete, int Assessed);

/// <summary>A member and its plans.</summary>
public sealed record MemberOnHome(Guid Id, string Name, string Code, IReadOnlyList<PlanOnHome> Plans);

/// <summary>The home page: every member with its plans.</summary>
public sealed record HomeModel(SiteAsOf AsOf, IReadOnlyList<MemberOnHome> Members);

/// <summary>A starred commitment of a published review.</summary>
public sealed record StarredCommitment(string Code, string Title, ReportKind Kind);

/// <summary>The plan dashboard page: the same view the JSON endpoint answers, plus the plan, its stars and the table's order.</summary>
public sealed record PlanDashboardModel(Plan Plan, Member? Member, PlanDashboardView View, IReadOnlyDictionary<Guid, string> InstitutionNames,
    IReadOnlyList<StarredCommitment> Starred, IReadOnlyList<(ReportKind Kind, ReportStatus Status)> Reviews, InstitutionOrder Order, SiteAsOf AsOf);

/// <summary>The order of the lead-institution table, from <c>?sort=&amp;dir=</c>: any column, either way, so no institution can hide.</summary>
public sealed record InstitutionOrder(string Column, bool Descending)
{
    /// <summary>The columns one may sort by.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Columns =
        [("institution", "Lead institution"), ("commitments", "Commitments"), ("done", "Done"), ("overdue", "Overdue milestones"), ("latest", "Latest report")];

    /// <summary>Names sort the same on every machine, whatever its culture data.</summary>
    public static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    /// <summary>Reads the query; anything unknown falls back to the default (most overdue first).</summary>
    public static InstitutionOrder From(string? sort, string? dir)
    {
        var column = Columns.Any(c => c.Key == sort) ? sort! : "overdue";
        return new InstitutionOrder(column, dir is null ? column != "institution" : dir == "desc");
    }

    /// <summary>The direction a column's link asks for: the other way on the current column, else the column's natural one.</summary>
    public string Next(string column) =>
        column == Column ? (Descending ? "asc" : "desc") : column == "institution" ? "asc" : "desc";

    /// <summary>The lines in this order (ties by name).</summary>
    public IReadOnlyList<InstitutionLine> Apply(IEnumerable<InstitutionLine> lines)
    {
        if (Column == "institution")
            return (Descending ? lines.OrderByDescending(l => l.Name, Names) : lines.OrderBy(l => l.Name, Names)).ToList();
        Func<InstitutionLine, long> key = Column switch
        {
            "commitments" => l => l.Commitments,
            "done" => l => l.Complete,
            "latest" => l => l.LatestReport?.DayNumber ?? -1,
            _ => l => l.OverdueMilestones,
        };
        var ordered = Descending ? lines.OrderByDescending(key) : lines.OrderBy(key);
        return ordered.ThenBy(l => l.Name, Names).ToList();
    }
}

/// <summary>The home page and the plan dashboard pages.</summary>
public static class DashboardPages
{
    /// <summary>Maps <c>/</c> and <c>/plans/{id}</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", static async Task<IResult> (string? asOf, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                if (!SitePages.TryAsOf(http, asOf, out var at, out var refusal)) return refusal!;
                return SitePages.Render<PublicHome>(http, await HomeAsync(session, at, clock, ct));
            })
            .ExcludeFromDescription();

        app.MapGet("/plans/{id}", static async Task<IResult> (string id, string? asOf, string? sort, string? dir, IQuerySession session,
                TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                if (!SitePages.TryAsOf(http, asOf, out var at, out var refusal)) return refusal!;
                if (!Guid.TryParse(id, out var planId) || await AsOf.Load<Plan>(session, planId, at.Instant, ct) is not { } plan
                    || await DashboardModule.ReadAsync(session, planId, at.Instant, clock, ct) is not { } read)
                    return SitePages.NotFound(http, at.Instant is null ? $"Tracker holds no plan “{id}”." : $"Tracker held no plan “{id}” on that day.");
                var member = await session.LoadAsync<Member>(plan.MemberId, ct);
                var starred = new[] { read.Midterm, read.EndOfTerm }
                    .Where(r => r is { Status: ReportStatus.Published })
                    .SelectMany(r => r!.Published.Where(c => c.Starred == Rated.Of(true)).Select(c => new StarredCommitment(c.Code, c.Title, r.Kind)))
                    .ToList();
                var currentMethod = new List<ReviewReport?>();
                foreach (var kind in new[] { ReportKind.ActionPlanReview, ReportKind.ResultsReport })
                    currentMethod.Add(await AsOf.Load<ReviewReport>(session, ReviewReport.IdFor(planId, kind), at.Instant, ct));
                var reviews = new[] { read.Midterm, read.EndOfTerm }.Concat(currentMethod).Where(r => r is not null && r.IsVisibleTo(null))
                    .Select(r => (r!.Kind, r.Status)).ToList();
                return SitePages.Render<PublicPlanDashboard>(http, new PlanDashboardModel(plan, member, read.View, read.InstitutionNames,
                    starred, reviews, InstitutionOrder.From(sort, dir), at));
            })
            .ExcludeFromDescription();
    }

    private static async Task<HomeModel> HomeAsync(IQuerySession session, SiteAsOf at, TimeProvider clock, CancellationToken ct)
    {
        var members = await AsOf.Each(session, await session.Query<Member>().OrderBy(m => m.Name).ToListAsync(ct), m => m.Id, at.Instant, ct);
        var plans = await AsOf.Each(session, await session.Query<Plan>().ToListAsync(ct), p => p.Id, at.Instant, ct);
        var today = at.Day(clock);
        var dashboards = at.Instant is null
            ? (await session.Query<PlanDashboard>().ToListAsync(ct)).ToDictionary(d => d.Id)
            : await DashboardsAsOfAsync(session, plans, at.Instant, ct);
        var noNames = new Dictionary<Guid, string>();
        PlanOnHome OnHome(Plan p)
        {
            if (!dashboards.TryGetValue(p.Id, out var d)) return new PlanOnHome(p.Id, p.Number, p.Title, p.PeriodStart, p.PeriodEnd, 0, 0, 0);
            var view = DashboardModule.View(d, noNames, null, null, today);
            return new PlanOnHome(p.Id, p.Number, p.Title, p.PeriodStart, p.PeriodEnd, view.Commitments, view.ByCompletion.GetValueOrDefault(Rated.Of(Completion.Complete)),
                view.Commitments - view.ByCompletion.GetValueOrDefault(Rated.NotAssessed<Completion>()));
        }
        var byMember = plans.ToLookup(p => p.MemberId);
        return new HomeModel(at, members.Select(m => new MemberOnHome(m.Id, m.Name, m.Code,
            byMember[m.Id].OrderBy(p => p.PeriodStart).ThenBy(p => p.Number).Select(OnHome).ToList())).ToList());
    }

    private static async Task<Dictionary<Guid, PlanDashboard>> DashboardsAsOfAsync(IQuerySession session, IEnumerable<Plan> plans, DateTimeOffset? at,
        CancellationToken ct)
    {
        var dashboards = new Dictionary<Guid, PlanDashboard>();
        foreach (var plan in plans)
            if (await PlanDashboardAsOf.LoadAsync(session, plan.Id, at, ct) is { } d) dashboards[d.Id] = d;
        return dashboards;
    }
}
