using System.Security.Claims;

namespace Tracker.Infrastructure;

/// <summary>The three roles that may write; anonymous callers only read public data.</summary>
public enum TrackerRole
{
    /// <summary>The government point of contact / support unit.</summary>
    Admin,
    /// <summary>Staff of one institution; reports progress on what that institution leads.</summary>
    Ministry,
    /// <summary>An independent researcher assigned to a plan's review.</summary>
    Reviewer,
}

/// <summary>Who is asking, as the bearer token says. Commands carry it so handlers can check rights per object.</summary>
public sealed record Caller(string UserId, TrackerRole Role, Guid? InstitutionId)
{
    /// <summary>Claim names in Tracker's tokens.</summary>
    public const string UserIdClaim = "sub", RoleClaim = "role", InstitutionClaim = "institution";

    /// <summary>Reads the caller from an authenticated principal; null for anonymous callers or unknown roles.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var userId = principal.FindFirstValue(UserIdClaim);
        var role = principal.FindFirstValue(RoleClaim);
        if (string.IsNullOrWhiteSpace(userId) || !Enum.TryParse<TrackerRole>(role, ignoreCase: true, out var parsed))
            return null;
        Guid? institution = Guid.TryParse(principal.FindFirstValue(InstitutionClaim), out var id) ? id : null;
        return new Caller(userId, parsed, institution);
    }

    /// <summary>Refuses unless the caller has one of <paramref name="roles"/>.</summary>
    public void MustBe(params TrackerRole[] roles)
    {
        if (!roles.Contains(Role))
            throw TrackerRuleBroken.Forbidden("caller.role", $"The role '{Role}' may not do this.");
    }
}

/// <summary>Reads the caller of an HTTP request.</summary>
public static class HttpCaller
{
    /// <summary>The authenticated caller; endpoints that write require authorization, so one is always there.</summary>
    public static Caller Caller(this HttpContext http) =>
        Infrastructure.Caller.From(http.User)
        ?? throw TrackerRuleBroken.Forbidden("caller.unknown_role", "The token carries no known Tracker role.");

    /// <summary>The caller if authenticated, else null (anonymous readers).</summary>
    public static Caller? CallerOrNull(this HttpContext http) => Infrastructure.Caller.From(http.User);
}
