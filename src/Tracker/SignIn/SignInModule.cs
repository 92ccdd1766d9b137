using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tracker.Infrastructure;
using Tracker.PublicSite;

namespace Tracker.SignIn;

/// <summary>
/// Sign-in for the pages: a cookie session (<see cref="CookieScheme"/>) opened by OpenID Connect against
/// <c>Auth:Authority</c> (client <c>Auth:ClientId</c>/<c>Auth:ClientSecret</c>), or in Development only by the
/// <c>/sign-in</c> page. The API keeps its bearer tokens: <see cref="PolicyScheme"/> sends <c>/api</c> requests and any
/// request with an Authorization header to JwtBearer, everything else to the cookie.
/// </summary>
public static class SignInModule
{
    /// <summary>The default scheme: picks bearer or cookie per request.</summary>
    public const string PolicyScheme = "tracker";

    /// <summary>The cookie session of the pages.</summary>
    public const string CookieScheme = "tracker-session";

    /// <summary>The cookie's name in the browser.</summary>
    public const string CookieName = "tracker.session";

    /// <summary>OpenID Connect against <c>Auth:Authority</c>; registered only when an authority is configured.</summary>
    public const string OidcScheme = "oidc";

    /// <summary>Where a person lands after signing in when no page asked for it.</summary>
    public const string Home = "/workbench";

    /// <summary>True when an external issuer is configured.</summary>
    public static bool HasAuthority(IConfiguration config) => config["Auth:Authority"] is { Length: > 0 };

    /// <summary>True for /api requests and requests that carry an Authorization header: these authenticate with a bearer token.</summary>
    public static bool IsApiRequest(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Headers.Authorization.Count > 0;

    /// <summary>Adds the policy scheme, the cookie and (when configured) OpenID Connect to <paramref name="auth"/>.</summary>
    public static AuthenticationBuilder AddTrackerSignIn(this AuthenticationBuilder auth)
    {
        var services = auth.Services;
        auth.AddPolicyScheme(PolicyScheme, "Bearer for the API, cookie for the pages", options =>
            options.ForwardDefaultSelector = http => IsApiRequest(http) ? JwtBearerDefaults.AuthenticationScheme : CookieScheme);
        auth.AddCookie(CookieScheme);
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme).Configure<IConfiguration, IWebHostEnvironment>((options, config, env) =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            // Lax, not Strict: the identity provider's redirect back to /signin-oidc is a cross-site navigation.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/sign-in";
            options.ReturnUrlParameter = "returnUrl";
            if (HasAuthority(config)) options.ForwardChallenge = OidcScheme;
            options.Events.OnRedirectToLogin = context =>
            {
                // Outside Development there is no sign-in page: without an identity provider nobody can sign in. A form
                // sent without a session is refused (401), not redirected: what it carried would be lost on the way.
                if (env.IsDevelopment() && HttpMethods.IsGet(context.Request.Method)) context.Response.Redirect(context.RedirectUri);
                else context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            // A signed-in person without the right gets 403, not a redirect to a page that does not exist.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // OpenID Connect validates its options on every request (it handles /signin-oidc), so it exists only with an
        // authority; the scheme is added when options are first read, so hosts and tests can supply Auth:Authority late.
        services.AddOptions<AuthenticationOptions>().Configure<IConfiguration>((options, config) =>
        {
            if (HasAuthority(config) && !options.Schemes.Any(s => s.Name == OidcScheme))
                options.AddScheme<OpenIdConnectHandler>(OidcScheme, "OpenID Connect");
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<IConfiguration>((options, config) =>
        {
            var section = config.GetSection("Auth");
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SignInScheme = CookieScheme;
            options.SignOutScheme = OidcScheme;
            options.CallbackPath = "/signin-oidc";
            options.SignedOutCallbackPath = "/signout-callback-oidc";
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            // The same claims as the API's tokens, under the same names: sub, role, institution.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = Caller.UserIdClaim;
            options.TokenValidationParameters.RoleClaimType = Caller.RoleClaim;
            options.ClaimActions.MapUniqueJsonKey(Caller.RoleClaim, Caller.RoleClaim);
            options.ClaimActions.MapUniqueJsonKey(Caller.InstitutionClaim, Caller.InstitutionClaim);
            options.Scope.Clear();
            foreach (var scope in (section["Scopes"] is { Length: > 0 } scopes ? scopes : "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                options.Scope.Add(scope);
        });
        return auth;
    }

    /// <summary>Maps <c>POST /sign-out</c> and, in Development only, the <c>/sign-in</c> page.</summary>
    public static WebApplication MapSignIn(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) DevelopmentSignIn.Map(app);
        app.MapPost("/sign-out", static async Task<IResult> (HttpContext http, IConfiguration config) =>
            {
                await http.SignOutAsync(CookieScheme);
                if (HasAuthority(config))
                    return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OidcScheme]);
                return FormPosts.SeeOther(http, "/");
            })
            .RequireFormToken()
            .WithName("SignOut")
            .ExcludeFromDescription();
        WorkbenchHome.Map(app);
        return app;
    }

    /// <summary>
    /// A path of this site to go back to after signing in, or <see cref="Home"/>: never another site (an open
    /// redirect would let a link to Tracker send people elsewhere, signed in).
    /// </summary>
    public static string LocalPath(string? returnUrl)
    {
        if (returnUrl is not { Length: > 1 } url || url[0] != '/' || url[1] is '/' or '\\' || url.Contains("://", StringComparison.Ordinal)) return Home;
        // Browsers drop tabs and line breaks from a Location ("/\t/elsewhere" is "//elsewhere", another site), and a header
        // cannot carry them at all; so such a path is refused, and characters outside ASCII are percent-encoded.
        if (url.Any(c => char.IsControl(c) || c == '\\')) return Home;
        return string.Concat(url.EnumerateRunes().Select(rune => rune.Value is > 0x20 and < 0x7F ? rune.ToString()
            : string.Concat(System.Text.Encoding.UTF8.GetBytes(rune.ToString()).Select(b => $"%{b:X2}"))));
    }
}
