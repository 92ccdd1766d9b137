using Tracker.Ratings;
using Marten;
using Tracker.Dashboard;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Plans;
using Tracker.PublicSite;
using Tracker.Reviews;

namespace Tracker.Commitments.Pages;

/// <summary>What the search form asks: words, and any of the filters.</summary>
public sealed record SearchQuery(string? Text, string? Member, string? PolicyArea, Guid? LeadInstitution, Rated<Completion>? Completion, bool Starred)
{
    /// <summary>True when nothing is asked: the page shows the form only.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Member is null && PolicyArea is null && LeadInstitution is null && Completion is null && !Starred;
}

/// <summary>A commitment found.</summary>
public sealed record FoundCommitment(string Code, string Title, string? Member, string PlanTitle, Guid PlanId, string? LeadInstitution,
    IReadOnlyList<string> PolicyAreas, Rated<Completion> Completion, bool Starred);

/// <summary>The search page: the query, what the filters can choose from, and the commitments found.</summary>
public sealed record SearchModel(SearchQuery Query, IReadOnlyList<Member> Members, IReadOnlyList<string> PolicyAreas,
    IReadOnlyList<Institution> Institutions, IReadOnlyList<FoundCommitment> Found, int Total, SiteAsOf AsOf);

/// <summary>
/// Search (issue 12): PostgreSQL full-text search over the commitment documents (Marten's <c>WebStyleSearch</c>, backed
/// by a full-text index on the whole document), narrowed by member, policy area and lead institution in the same query;
/// completion and stars come from the plan dashboards and the published reviews, as the dashboard shows them.
/// </summary>
public static class CommitmentSearch
{
    /// <summary>The most commitments one page lists.</summary>
    public const int Shown = 50;

    /// <summary>Maps <c>/search</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/search", static async Task<IResult> (string? q, string? member, string? area, string? lead, string? completion, string? starred,
                string? asOf, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                if (!SitePages.TryAsOf(http, asOf, out var at, out var refusal)) return refusal!;
                // Empty fields come from the form as empty strings: they mean "any", never a malformed request.
                var query = new SearchQuery(Blank(q), Blank(member), Blank(area), Guid.TryParse(lead, out var leadId) ? leadId : null, CompletionFilter(Blank(completion)),
                    starred == "true");
                return SitePages.Render<PublicSearchPage>(http, await SearchAsync(session, query, clock, ct) with { AsOf = at });
            })
            .ExcludeFromDescription();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // The form's keys are the levels' JSON names; an unknown one filters nothing out rather than failing the page.
    private static Rated<Completion>? CompletionFilter(string? key) => key switch
    {
        null => null,
        RatedJsonConverter.NotAssessed => Rated.NotAssessed<Completion>(),
        _ when RatedJsonConverter.TryLevel<Completion>(key, out var level) => Rated.Of(level),
        _ => null,
    };

    /// <summary>Runs the search (on today's data: full-text search reads the documents as they are).</summary>
    public static async Task<SearchModel> SearchAsync(IQuerySession session, SearchQuery query, TimeProvider clock, CancellationToken ct)
    {
        var members = await session.Query<Member>().OrderBy(m => m.Name).ToListAsync(ct);
        var plans = (await session.Query<Plan>().ToListAsync(ct)).ToDictionary(p => p.Id);
        var allCommitments = session.Query<Commitment>();
        var areas = (await allCommitments.Select(c => c.Text.PolicyAreas).ToListAsync(ct)).SelectMany(a => a).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        var institutions = await session.Query<Institution>().OrderBy(i => i.Name).ToListAsync(ct);
        if (query.IsEmpty) return new SearchModel(query, members, areas, institutions, [], 0, new SiteAsOf(null, null));

        IQueryable<Commitment> found = session.Query<Commitment>();
        if (query.Text is { } text) found = found.Where(c => c.WebStyleSearch(text));
        if (query.Member is { } code && members.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase)) is { } member)
        {
            var ofMember = plans.Values.Where(p => p.MemberId == member.Id).Select(p => p.Id).ToArray();
            found = found.Where(c => c.PlanId.IsOneOf(ofMember));
        }
        if (query.PolicyArea is { } area) found = found.Where(c => c.Text.PolicyAreas.Contains(area));
        if (query.LeadInstitution is { } lead) found = found.Where(c => c.Text.LeadInstitutionId == lead);
        var hits = await found.OrderBy(c => c.Code).Take(1000).ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var planIds = hits.Select(c => c.PlanId).Distinct().ToArray();
        var dashboards = await session.LoadManyAsync<PlanDashboard>(ct, planIds);
        var completionOf = dashboards.SelectMany(d => DashboardModule.View(d, new Dictionary<Guid, string>(), null, null, today).CommitmentLines)
            .ToDictionary(l => l.CommitmentId, l => l.Completion);
        var reports = await session.LoadManyAsync<ReviewReport>(ct,
            planIds.SelectMany(p => new[] { ReviewReport.IdFor(p, ReportKind.Midterm), ReviewReport.IdFor(p, ReportKind.EndOfTerm) }));
        var starredIds = reports.Where(r => r.Status == ReportStatus.Published)
            .SelectMany(r => r.Published.Where(c => c.Starred == Rated.Of(true)).Select(c => c.CommitmentId)).ToHashSet();
        var memberNames = members.ToDictionary(m => m.Id, m => m.Name);
        var names = institutions.ToDictionary(i => i.Id, i => i.Name);

        var matching = hits
            .Select(c => new FoundCommitment(c.Code, c.Text.Title, plans.TryGetValue(c.PlanId, out var p) ? memberNames.GetValueOrDefault(p.MemberId) : null,
                p?.Title ?? "", c.PlanId, names.GetValueOrDefault(c.Text.LeadInstitutionId), c.Text.PolicyAreas,
                completionOf.GetValueOrDefault(c.Id), starredIds.Contains(c.Id)))
            .Where(f => query.Completion is null || f.Completion == query.Completion)
            .Where(f => !query.Starred || f.Starred)
            .ToList();
        return new SearchModel(query, members, areas, institutions, matching.Take(Shown).ToList(), matching.Count, new SiteAsOf(null, null));
    }
}
