using JasperFx.Events.Projections;
using Marten;
using Tracker.Infrastructure;

namespace Tracker.Institutions;

/// <summary>The institutions slice: its projection and its routes.</summary>
public static class InstitutionsModule
{
    /// <summary>
    /// Institutions are folded inline so registrations read their own result; a name names one institution of a member,
    /// also when two registrations race (the unique index refuses the second at commit).
    /// </summary>
    public static void AddInstitutions(StoreOptions options)
    {
        options.Projections.Snapshot<Institution>(SnapshotLifecycle.Inline);
        options.Schema.For<Institution>().UniqueIndex(Marten.Schema.UniqueIndexType.Computed, "institution_name_per_member", i => i.MemberId!, i => i.Name);
    }

    /// <summary>Maps <c>/api/institutions</c>.</summary>
    public static IEndpointRouteBuilder MapInstitutions(this IEndpointRouteBuilder app)
    {
        var institutions = app.MapGroup("/api/institutions").WithTags("Institutions");
        RegisterInstitutionHandler.Map(institutions);
        // member is read as text: a value that is no id is a 400 naming it (bound as Guid?, it was a bare 400).
        institutions.MapGet("/", static async Task<IResult> (string? member, string? asOf, IQuerySession session, CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                Guid? memberId = null;
                if (member is not null)
                {
                    if (!Guid.TryParse(member, out var parsed))
                        return Problems.Result(Problems.Validation("member", "Must be a member's id.", "request.malformed"));
                    memberId = parsed;
                }
                var current = await session.Query<Institution>()
                    .Where(i => memberId == null || i.MemberId == memberId).OrderBy(i => i.Name).ToListAsync(ct);
                return TypedResults.Ok(await AsOf.Each(session, current, i => i.Id, instant, ct));
            })
            .WithName("ListInstitutions").WithSummary("List institutions, optionally of one member")
            .Produces<IReadOnlyList<Institution>>().ProducesValidationProblem();
        institutions.MapGet("/{id:guid}", static async Task<IResult> (Guid id, string? asOf, IQuerySession session, CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                return await AsOf.Load<Institution>(session, id, instant, ct) is { } institution
                    ? TypedResults.Ok(institution)
                    : Problems.Result(Problems.Of(404, "institution.not_found", $"No institution with id '{id}'{(instant is null ? "" : " at that time")}."));
            })
            .WithName("GetInstitution").WithSummary("Read an institution")
            .Produces<Institution>().ProducesProblem(404).ProducesValidationProblem();
        return app;
    }

    /// <summary>Finds an institution by id or exact name (for <c>make token INSTITUTION=...</c>).</summary>
    public static async Task<Institution?> FindAsync(IQuerySession session, string idOrName, CancellationToken ct) =>
        Guid.TryParse(idOrName, out var id)
            ? await session.LoadAsync<Institution>(id, ct)
            : await session.Query<Institution>().FirstOrDefaultAsync(i => i.Name == idOrName, ct);
}
