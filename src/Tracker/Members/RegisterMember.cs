using System.Text.RegularExpressions;
using Marten;
using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Members;

/// <summary>Body of <c>POST /api/members</c>.</summary>
/// <param name="Name">E.g. "Netherlands".</param>
/// <param name="Code">Prefix of the member's commitment codes, e.g. "NL".</param>
/// <param name="Kind">National, Local, LegacyLocal or Other (OGP's "National Or Local").</param>
/// <param name="Region">OGP region, e.g. "Europe and North America".</param>
public sealed record RegisterMemberRequest(string? Name, string? Code, MemberKind? Kind, string? Region);

/// <summary>Registers a member: starts its stream.</summary>
public sealed record RegisterMember(Guid MemberId, string Name, string Code, MemberKind Kind, string? Region, Caller Caller)
    : ITrackerCommand;

/// <summary>Decides a member registration.</summary>
public static partial class RegisterMemberHandler
{
    /// <summary>Finds a member that already uses the code.</summary>
    public static Task<Member?> LoadAsync(RegisterMember command, IQuerySession session, CancellationToken ct) =>
        session.Query<Member>().FirstOrDefaultAsync(m => m.Code == command.Code, ct);

    /// <summary>Only an admin registers members; codes are unique. The import decides its members here too.</summary>
    public static MemberRegistered Decide(RegisterMember command, Member? sameCode, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        if (sameCode is not null)
            throw new TrackerRuleBroken("member.code_taken", $"The code '{command.Code}' belongs to {sameCode.Name}.", RuleKind.Conflict, "code");
        return new MemberRegistered(command.MemberId, command.Name, command.Code, command.Kind, command.Region, command.Caller.UserId, now);
    }

    /// <summary>Starts the member's stream with the decided registration.</summary>
    public static (StreamStarted, IStartStream) Handle(RegisterMember command, Member? sameCode, TimeProvider clock) =>
        (new StreamStarted(command.MemberId, 1), MartenOps.StartStream<Member>(command.MemberId, Decide(command, sameCode, clock.GetUtcNow())));

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,11}$")]
    private static partial Regex CodePattern();

    /// <summary>Maps <c>POST /api/members</c>.</summary>
    public static void Map(RouteGroupBuilder members) =>
        members.MapPost("/", static async (RegisterMemberRequest body, HttpContext http) =>
            {
                var errors = new FieldErrors()
                    .Text("name", body.Name, max: 200)
                    .Text("code", body.Code, max: 12)
                    .Required("kind", body.Kind)
                    .OptionalText("region", body.Region, max: 200);
                if (body.Code is { } code) errors.Check("code", CodePattern().IsMatch(code), "Upper-case letters, digits or '-', as in 'NL' or 'US-AUS'.");
                if (errors.Any) return errors.Problem();

                var command = new RegisterMember(Guid.CreateVersion7(), body.Name!.Trim(), body.Code!, body.Kind!.Value,
                    body.Region?.Trim(), http.Caller());
                return await Writes.Send<StreamStarted>(http, command,
                    started => new WriteResult(201, started, started.Version, $"/api/members/{started.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("RegisterMember")
            .WithRequestExample("""{"name":"Netherlands","code":"NL","kind":"National","region":"Europe and North America"}""")
            .WithSummary("Register a member (a country or a locality)")
            .Produces<StreamStarted>(201)
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
}
