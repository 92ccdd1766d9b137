using Tracker.Infrastructure;
using Tracker.PublicSite;

namespace Tracker.Reviews.Pages;

/// <summary>
/// Who may send a workbench form. A page (GET) requires its role with <c>RequireAuthorization</c>, so a signed-out
/// person is sent to sign in; a form post answers a page instead of a redirect: 401 when nobody is signed in (the
/// session ended while the form was open: what was typed cannot survive a redirect to sign in), 403 for another role.
/// Either way nothing runs, so nothing is written.
/// </summary>
public static class WorkbenchAccess
{
    /// <summary>Requires a signed-in caller of <paramref name="role"/> before the form is read.</summary>
    public static RouteHandlerBuilder RequireWorkbenchRole(this RouteHandlerBuilder route, TrackerRole role) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            return http.CallerOrNull() switch
            {
                null => SitePages.Render<ErrorPage>(http, new ErrorModel("You are not signed in",
                    "Your session ended before the form was sent, so nothing was saved.",
                    "Sign in again from the workbench, then send the form again."), 401),
                { } caller when caller.Role != role => Forbidden(http, $"This form is for the {Words.Sentence(role.ToString()).ToLowerInvariant()} role."),
                _ => await next(context),
            };
        });

    /// <summary>The 403 page: signed in, but not with the right to this page or form. Nothing was saved.</summary>
    public static IResult Forbidden(HttpContext http, string why) =>
        SitePages.Render<ErrorPage>(http, new ErrorModel("You may not open this", why, "Go back to your workbench: it lists what you may work on."), 403);
}
