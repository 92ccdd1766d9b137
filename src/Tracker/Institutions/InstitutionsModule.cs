using JasperFx.Events.Projections;
using Marten;
using Tracker.Infrastructure;

namespace Tracker.Institutions;

/// <summary>The institutions slice: its projection and its routes.</summary>
public static class InstitutionsModule
{
    /// <summary>Institutions are folded inline so registrations read their own result.</summary>
    public static void AddInstitutions(StoreOptions options) =>
        options.Projections.Snapshot<Institution>(SnapshotLifecycle.Inline);

    /// <summary>Maps <c>/api/institutions</c>.</summary>
    public static IEndpointRouteBuilder MapInstitutions(this IEndpointRouteBuilder app)
    {
        var institutions = app.MapGroup("/api/institutions").WithTags("Institutions");
        RegisterInstitutionHandler.Map(institutions);
        institutions.MapGet("/", static async (Guid? member, IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok(await session.Query<Institution>()
                    .Where(i => member == null || i.MemberId == member).OrderBy(i => i.Name).ToListAsync(ct)))
            .WithName("ListInstitutions").WithSummary("List institutions, optionally of one member");
        institutions.MapGet("/{id:guid}", static async Task<IResult> (Guid id, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<Institution>(id, ct) is { } institution
                    ? TypedResults.Ok(institution)
                    : Problems.Result(Problems.Of(404, "institution.not_found", $"No institution with id '{id}'.")))
            .WithName("GetInstitution").WithSummary("Read an institution")
            .Produces<Institution>().ProducesProblem(404);
        return app;
    }

    /// <summary>Finds an institution by id or exact name (for <c>make token INSTITUTION=...</c>).</summary>
    public static async Task<Institution?> FindAsync(IQuerySession session, string idOrName, CancellationToken ct) =>
        Guid.TryParse(idOrName, out var id)
            ? await session.LoadAsync<Institution>(id, ct)
            : await session.Query<Institution>().FirstOrDefaultAsync(i => i.Name == idOrName, ct);
}
