namespace Tracker.Infrastructure;

/// <summary>
/// Where the site is published, for the absolute links a feed carries: <c>Tracker:PublicOrigin</c> when configured, so a
/// forged Host header cannot put an address of its own into a feed that a reader or a cache keeps; otherwise the
/// request's own scheme and host (a development machine, a test).
/// </summary>
public static class SiteOrigin
{
    /// <summary>The origin, without a trailing slash: <c>https://tracker.example.gov</c>.</summary>
    public static string Of(HttpContext http) =>
        http.RequestServices.GetRequiredService<IConfiguration>()["Tracker:PublicOrigin"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}";
}
