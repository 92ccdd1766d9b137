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
        members.MapGet("/", static async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok(await session.Query<Member>().OrderBy(m => m.Name).ToListAsync(ct)))
            .WithName("ListMembers").WithSummary("List members");
        members.MapGet("/{id:guid}", static async Task<IResult> (Guid id, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<Member>(id, ct) is { } member
                    ? TypedResults.Ok(member)
                    : Problems.Result(Problems.Of(404, "member.not_found", $"No member with id '{id}'.")))
            .WithName("GetMember").WithSummary("Read a member")
            .Produces<Member>().ProducesProblem(404);
        return app;
    }
}
