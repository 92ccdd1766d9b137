using System.Security.Cryptography;

namespace Tracker.PublicSite;

/// <summary>
/// The site's one stylesheet, shipped inside the assembly (like the demo set, so no content root is needed) and served
/// under a name that carries its hash: browsers may keep it for a year, and a changed file gets a new URL.
/// </summary>
public static class Stylesheet
{
    private static readonly byte[] Content = Load();

    /// <summary>Its hash, the version in its URL.</summary>
    public static readonly string Version = Convert.ToHexStringLower(SHA256.HashData(Content))[..12];

    /// <summary>Where pages link it.</summary>
    public static string Href => $"/site.css?v={Version}";

    /// <summary>Maps <c>GET /site.css</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/site.css", static (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                http.Response.Headers.ETag = $"\"{Version}\"";
                return Results.Bytes(Content, "text/css; charset=utf-8");
            })
            .ExcludeFromDescription();

    private static byte[] Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("site/site.css")
                           ?? throw new InvalidOperationException("site.css is not in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
