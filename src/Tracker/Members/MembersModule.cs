using JasperFx.Events.Projections;
using Marten;
using Tracker.Infrastructure;

namespace Tracker.Members;

/// <summary>The members slice: its projection and its routes.</summary>
public static class MembersModule
{
    /// <summary>Members are folded inline so registrations read their own result.</summary>
    public static void AddMembers(StoreOptions options)
    {
        options.Projections.Snapshot<Member>(SnapshotLifecycle.Inline);
        options.Schema.For<Member>().UniqueIndex(m => m.Code);
    }

    /// <summary>Maps <c>/api/members</c>.</summary>
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").WithTags("Members");
        RegisterMemberHandler.Map(members);
        members.MapGet("/", static async Task<IResult> (string? asOf, IQuerySession session, CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                var current = await session.Query<Member>().OrderBy(m => m.Name).ToListAsync(ct);
                return TypedResults.Ok(await AsOf.Each(session, current, m => m.Id, instant, ct));
            })
            .WithName("ListMembers").WithSummary("List members")
            .Produces<IReadOnlyList<Member>>().ProducesValidationProblem();
        members.MapGet("/{id:guid}", static async Task<IResult> (Guid id, string? asOf, IQuerySession session, CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                return await AsOf.Load<Member>(session, id, instant, ct) is { } member
                    ? TypedResults.Ok(member)
                    : Problems.Result(Problems.Of(404, "member.not_found", $"No member with id '{id}'{(instant is null ? "" : " at that time")}."));
            })
            .WithName("GetMember").WithSummary("Read a member")
            .Produces<Member>().ProducesProblem(404).ProducesValidationProblem();
        return app;
    }
}
