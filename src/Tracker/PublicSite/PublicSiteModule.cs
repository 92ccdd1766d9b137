using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Marten;
using Microsoft.AspNetCore.ResponseCompression;
using Tracker.Commitments;
using Tracker.Commitments.Pages;
using Tracker.Dashboard.Feeds;
using Tracker.Dashboard.Pages;
using Tracker.Reviews.Pages;

namespace Tracker.PublicSite;

/// <summary>
/// The public site (product.md §6): HTML rendered on the server by Razor components (static rendering, no
/// interactivity, no script), one stylesheet, compressed responses. Each page lives in the slice it shows and reads
/// through the same code as that slice's JSON endpoint.
/// </summary>
public static class PublicSiteModule
{
    /// <summary>Registers component rendering and response compression.</summary>
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddProblemPages();
        // Search and "similar commitments" use PostgreSQL full-text search over the whole commitment document
        // (Marten's WebStyleSearch); this is the index those queries use.
        services.ConfigureMarten(options => options.Schema.For<Commitment>().FullTextIndex());
        services.AddResponseCompression(options =>
        {
            // The site carries no secrets in its pages, so BREACH-style attacks on compressed HTTPS have nothing to find.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    // Server-Timing (W3C): the time from here to the response's first byte, so a benchmark (make bench-pages) or a
    // browser's devtools can tell the server's part of a request from the network's.
    private static async Task ServerTiming(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Server-Timing"] =
                "app;dur=" + Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>Compresses responses and maps the stylesheet and every page.</summary>
    public static WebApplication MapPublicSite(this WebApplication app)
    {
        app.Use(ServerTiming);
        app.UseResponseCompression();
        Stylesheet.Map(app);
        DashboardPages.Map(app);
        ProgressFeeds.Map(app);
        CommitmentPages.Map(app);
        CommitmentSearch.Map(app);
        ReviewPages.Map(app);
        return app;
    }
}
