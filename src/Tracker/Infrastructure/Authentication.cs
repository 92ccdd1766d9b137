using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Tracker.SignIn;

namespace Tracker.Infrastructure;

/// <summary>
/// JWT bearer authentication. In production <c>Auth:Authority</c> points at an external issuer (OpenID Connect
/// discovery); without one, tokens are signed with <c>Auth:DevelopmentSigningKey</c>, which only
/// <c>make token</c> and the tests use.
/// </summary>
public static class Authentication
{
    /// <summary>Authorization policy names, one per role.</summary>
    public const string Admin = "admin", Ministry = "ministry", Reviewer = "reviewer";

    /// <summary>Registers JwtBearer and the role policies.</summary>
    public static IServiceCollection AddTrackerAuthentication(this IServiceCollection services)
    {
        services.AddTrackerVerb("token", DevelopmentToken.RunAsync);
        // Bearer tokens for the API, a cookie session for the pages (SignIn/SignInModule.cs picks per request).
        services.AddAuthentication(SignIn.SignInModule.PolicyScheme).AddJwtBearer().AddTrackerSignIn();
        // Configured from IConfiguration when first needed, so hosts (and tests) can supply settings late.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).ValidateOnStart().Configure<IConfiguration>((options, config) =>
        {
            var auth = config.GetSection("Auth");
            options.MapInboundClaims = false;
            options.Audience = auth["Audience"];
            options.TokenValidationParameters = new TokenValidationParameters
            {
                NameClaimType = Caller.UserIdClaim,
                RoleClaimType = Caller.RoleClaim,
                ValidAudience = auth["Audience"],
                ValidateAudience = true,
                ValidateIssuer = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (auth["Authority"] is { Length: > 0 } authority)
            {
                // The issuer and its keys come from the authority's discovery document; only asymmetric signatures are taken.
                options.Authority = authority;
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];
            }
            else
            {
                options.RequireHttpsMetadata = false;
                options.TokenValidationParameters.ValidIssuer = auth["Issuer"] is { Length: > 0 } issuer
                    ? issuer
                    : throw new InvalidOperationException("Configure Auth:Issuer: development tokens are checked against it.");
                options.TokenValidationParameters.IssuerSigningKey = DevelopmentKey(config);
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, policy => policy.RequireRole(nameof(TrackerRole.Admin).ToLowerInvariant()))
            .AddPolicy(Ministry, policy => policy.RequireRole(nameof(TrackerRole.Ministry).ToLowerInvariant()))
            .AddPolicy(Reviewer, policy => policy.RequireRole(nameof(TrackerRole.Reviewer).ToLowerInvariant()))
            .AddPolicy("any-role", policy => policy.RequireRole("admin", "ministry", "reviewer"));
        return services;
    }

    /// <summary>
    /// A bearer token that fails validation (expired, another issuer's, tampered) is refused with 401 on every request,
    /// public reads included: answering it as the public would hide from a reviewer's or a ministry's client that its token
    /// lapsed, and show it less than it asked for as if that were all there is. No token at all still reads as the public.
    /// </summary>
    public static IApplicationBuilder UseInvalidTokenRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The handler keeps its result for the request, so asking again does not validate the token twice.
            if (context.User.Identity?.IsAuthenticated != true
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && (await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Failure is not null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await Problems.Result(Problems.Of(401, "caller.unauthenticated",
                    "The bearer token is not valid (expired, or not issued for Tracker): get a new one, or send none to read as the public.")).ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>Mints a development token (for <c>make token</c> and tests); refuses when an external issuer is configured.</summary>
    public static string MintDevelopmentToken(IConfiguration configuration, string userId, TrackerRole role,
        Guid? institutionId, TimeSpan lifetime)
    {
        var auth = configuration.GetSection("Auth");
        if (auth["Authority"] is { Length: > 0 })
            throw new InvalidOperationException("Auth:Authority is set: tokens come from the external issuer, not from Tracker.");
        var claims = new List<Claim>
        {
            new(Caller.UserIdClaim, userId),
            new(Caller.RoleClaim, role.ToString().ToLowerInvariant()),
        };
        if (institutionId is { } institution) claims.Add(new(Caller.InstitutionClaim, institution.ToString()));
        var token = new JwtSecurityToken(
            issuer: auth["Issuer"], audience: auth["Audience"], claims: claims,
            notBefore: DateTime.UtcNow.AddMinutes(-1), expires: DateTime.UtcNow.Add(lifetime),
            signingCredentials: new SigningCredentials(DevelopmentKey(configuration), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private static SymmetricSecurityKey DevelopmentKey(IConfiguration configuration)
    {
        var key = configuration["Auth:DevelopmentSigningKey"];
        if (string.IsNullOrEmpty(key) || key.Length < 32)
            throw new InvalidOperationException(
                "Configure Auth:Authority (the external token issuer) or, for development only, Auth:DevelopmentSigningKey (32+ characters).");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
    }
}
