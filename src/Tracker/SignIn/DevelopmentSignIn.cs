using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.PublicSite;

namespace Tracker.SignIn;

/// <summary>The development sign-in form: what was typed, the institutions to pick from, and what was refused.</summary>
public sealed record DevelopmentSignInModel(string? Role, Guid? Institution, string? UserId, string ReturnUrl,
    IReadOnlyList<Institution> Institutions, FormErrors Errors, FormToken Token);

/// <summary>
/// <c>/sign-in</c>, mapped in the Development environment only: a developer picks a role, an institution and a user id
/// and gets the cookie session an identity provider would give, with the same claims (<c>sub</c>, <c>role</c>,
/// <c>institution</c>). Form fields: <c>role</c> (admin|reviewer|ministry), <c>institution</c> (an institution id;
/// required for ministry), <c>userId</c>, <c>returnUrl</c>.
/// </summary>
public static class DevelopmentSignIn
{
    /// <summary>Maps GET and POST <c>/sign-in</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", static async (string? returnUrl, IQuerySession session, HttpContext http, CancellationToken ct) =>
                SitePages.Render<DevelopmentSignInPage>(http, new DevelopmentSignInModel(null, null, null, SignInModule.LocalPath(returnUrl),
                    await InstitutionsAsync(session, ct), FormErrors.None, FormToken.For(http))))
            .ExcludeFromDescription();

        app.MapPost("/sign-in", static async (IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var role = form.Text("role");
                var userId = form.Text("userId");
                var institutionText = form.Text("institution");
                Guid? institutionId = Guid.TryParse(institutionText, out var parsed) ? parsed : null;
                var returnUrl = SignInModule.LocalPath(form.Text("returnUrl"));

                var institution = institutionId is { } id ? await session.LoadAsync<Institution>(id, ct) : null;
                var errors = new Dictionary<string, string[]>();
                if (!EnumNames.TryParse<TrackerRole>(role, out var parsedRole))
                    errors["role"] = ["Pick a role."];
                if (userId is null) errors["userId"] = ["Type a user id."];
                else if (userId.Length > 200) errors["userId"] = [$"At most 200 characters (got {userId.Length})."];
                if (institutionText is not null && institution is null) errors["institution"] = ["Pick an institution from the list."];
                else if (parsedRole == TrackerRole.Ministry && institution is null) errors["institution"] = ["A ministry signs in for an institution: pick one."];
                if (errors.Count > 0)
                    return SitePages.Render<DevelopmentSignInPage>(http, new DevelopmentSignInModel(role, institutionId, userId, returnUrl,
                        await InstitutionsAsync(session, ct), FormErrors.From(Problems.Validation(errors)), FormToken.For(http)), 400);

                var claims = new List<Claim> { new(Caller.UserIdClaim, userId!), new(Caller.RoleClaim, parsedRole.ToString().ToLowerInvariant()) };
                if (institution is not null) claims.Add(new(Caller.InstitutionClaim, institution.Id.ToString()));
                var identity = new ClaimsIdentity(claims, "development", Caller.UserIdClaim, Caller.RoleClaim);
                await http.SignInAsync(SignInModule.CookieScheme, new ClaimsPrincipal(identity));
                return FormPosts.SeeOther(http, returnUrl);
            })
            .RequireFormToken()
            .WithName("DevelopmentSignIn")
            .ExcludeFromDescription();
    }

    private static async Task<IReadOnlyList<Institution>> InstitutionsAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Institution>().OrderBy(i => i.Name).ToListAsync(ct);
}
