using Marten;
using Tracker.Infrastructure;
using Tracker.Members;
using Wolverine.Marten;

namespace Tracker.Institutions;

/// <summary>Body of <c>POST /api/institutions</c>.</summary>
/// <param name="Name">E.g. "Ministry of Infrastructure and the Environment".</param>
/// <param name="Kind">Government, Parliament, CivilSociety or Other.</param>
/// <param name="MemberId">The member it belongs to; omit for international bodies.</param>
public sealed record RegisterInstitutionRequest(string? Name, InstitutionKind? Kind, Guid? MemberId);

/// <summary>Registers an institution: starts its stream.</summary>
public sealed record RegisterInstitution(Guid InstitutionId, Guid? MemberId, string Name, InstitutionKind Kind, Caller Caller)
    : ITrackerCommand;

/// <summary>Decides an institution registration.</summary>
public static class RegisterInstitutionHandler
{
    /// <summary>The member it would belong to, and an institution of that member with the same name.</summary>
    public static async Task<(Member?, Institution?)> LoadAsync(RegisterInstitution command, IQuerySession session, CancellationToken ct)
    {
        var member = command.MemberId is { } memberId ? await session.LoadAsync<Member>(memberId, ct) : null;
        var sameName = await session.Query<Institution>()
            .FirstOrDefaultAsync(i => i.MemberId == command.MemberId && i.Name == command.Name, ct);
        return (member, sameName);
    }

    /// <summary>Only an admin registers institutions, of a member that exists; names are unique within a member.</summary>
    public static InstitutionRegistered Decide(RegisterInstitution command, Member? member, Institution? sameName, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        if (command.MemberId is { } memberId && member is null)
            throw TrackerRuleBroken.InvalidField("memberId", "member.not_found", $"No member with id '{memberId}'.");
        if (sameName is not null)
            throw new TrackerRuleBroken("institution.name_taken", $"'{command.Name}' is already registered ({sameName.Id}).", RuleKind.Conflict);
        return new InstitutionRegistered(command.InstitutionId, command.MemberId, command.Name, command.Kind, command.Caller.UserId, now);
    }

    /// <summary>Starts the institution's stream with the decided registration.</summary>
    public static (StreamStarted, IStartStream) Handle(RegisterInstitution command, Member? member, Institution? sameName, TimeProvider clock) =>
        (new StreamStarted(command.InstitutionId, 1),
            MartenOps.StartStream<Institution>(command.InstitutionId, Decide(command, member, sameName, clock.GetUtcNow())));

    /// <summary>Maps <c>POST /api/institutions</c>.</summary>
    public static void Map(RouteGroupBuilder institutions) =>
        institutions.MapPost("/", static async (RegisterInstitutionRequest body, HttpContext http) =>
            {
                var errors = new FieldErrors().Text("name", body.Name, max: 300).Required("kind", body.Kind);
                if (errors.Any) return errors.Problem();
                var command = new RegisterInstitution(Guid.CreateVersion7(), body.MemberId, body.Name!.Trim(), body.Kind!.Value, http.Caller());
                return await Writes.Send<StreamStarted>(http, command,
                    started => new WriteResult(201, started, started.Version, $"/api/institutions/{started.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("RegisterInstitution")
            .WithRequestExample("""{"name":"Ministry of Infrastructure and the Environment","kind":"Government","memberId":"0195f0a2-7c1e-7000-8000-000000000001"}""")
            .WithSummary("Register an institution (ministry, agency, parliament, civil society organisation)")
            .Produces<StreamStarted>(201)
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
}
