using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.PublicSite;

namespace Tracker.SignIn;

/// <summary>Who is signed in, as every workbench page shows it, and the page's antiforgery token.</summary>
public sealed record WorkbenchFrame(Caller Caller, string? InstitutionName, FormToken Token)
{
    /// <summary>The frame of a signed-in request (the routes require a role, so a caller is there).</summary>
    public static async Task<WorkbenchFrame> ForAsync(HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var caller = http.Caller();
        var institution = caller.InstitutionId is { } id ? await session.LoadAsync<Institution>(id, ct) : null;
        return new WorkbenchFrame(caller, institution?.Name, FormToken.For(http));
    }
}

/// <summary><c>/workbench</c>: where a signed-in person starts, with the pages of their role.</summary>
public static class WorkbenchHome
{
    /// <summary>The authorization policy of every workbench page: signed in with a Tracker role.</summary>
    public const string AnyRole = "any-role";

    /// <summary>Maps <c>GET /workbench</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(SignInModule.Home, static async (IQuerySession session, HttpContext http, CancellationToken ct) =>
                SitePages.Render<WorkbenchHomePage>(http, await WorkbenchFrame.ForAsync(http, session, ct)))
            .RequireAuthorization(AnyRole)
            .ExcludeFromDescription();
}
