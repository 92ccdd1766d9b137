using Marten;
using Tracker.Infrastructure;
using Tracker.OpenData.Demo;
using Tracker.OpenData.Exporting;
using Tracker.OpenData.Importing;

namespace Tracker.OpenData;

/// <summary>The open-data slice: OGP/IRM import and export, and the demo set loaded on a first run.</summary>
public static class OpenDataModule
{
    /// <summary>Registers the import, the export, the demo set and its first-run loader.</summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton<OgpImport>();
        services.AddSingleton<Importing.Pages.ImportJobs>();
        services.AddSingleton<OgpExport>();
        services.AddSingleton<DemoData>();
        services.AddOptions<DemoDataOptions>().BindConfiguration("Tracker");
        services.AddHostedService<DemoDataOnFirstRun>();
        services.AddTrackerVerb("import-ogp", ImportOgpCommand.RunAsync);
        services.AddTrackerVerb("export-ogp", ExportOgpCommand.RunAsync);
        services.AddTrackerVerb("demo", DemoCommand.RunAsync);
        return services;
    }

    /// <summary>Maps <c>POST /api/import/ogp</c> and <c>GET /api/export/commitments.csv|.json</c>.</summary>
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        ImportOgpEndpoint.Map(app);
        Importing.Pages.ImportPages.Map(app);
        ExportOgpEndpoints.Map(app);
        return app;
    }
}
