using JasperFx;
using Tracker.OpenData.Demo;
using Tracker.OpenData.Exporting;
using Tracker.OpenData.Importing;

namespace Tracker.Infrastructure;

/// <summary>
/// The application's verbs: no verb (or <c>run</c>) serves the API; Tracker's own verbs are dispatched here;
/// anything else goes to JasperFx's command line (<c>codegen write</c>, <c>db-apply</c>, <c>describe</c>, …).
/// </summary>
public static class CommandLine
{
    /// <summary>Runs the verb named by <paramref name="args"/>.</summary>
    public static async Task<int> RunTrackerCommandsAsync(this WebApplication app, string[] args)
    {
        if (args.Length > 0 && TrackerVerbs.TryGetValue(args[0], out var verb))
            return await verb(app, args[1..]);
        return await app.RunJasperFxCommands(args);
    }

    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> TrackerVerbs =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["token"] = DevelopmentToken.RunAsync,
            ["import-ogp"] = ImportOgpCommand.RunAsync,
            ["export-ogp"] = ExportOgpCommand.RunAsync,
            ["demo"] = DemoCommand.RunAsync,
        };
}
