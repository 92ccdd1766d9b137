using JasperFx;

namespace Tracker.Infrastructure;

/// <summary>A verb of the application's command line, registered by the slice it belongs to.</summary>
public sealed record TrackerVerb(string Name, Func<WebApplication, string[], Task<int>> RunAsync);

/// <summary>
/// The application's verbs: no verb (or <c>run</c>) serves the API; a verb a slice registered runs that slice's command;
/// anything else goes to JasperFx's command line (<c>codegen write</c>, <c>db-apply</c>, <c>describe</c>, …).
/// </summary>
public static class CommandLine
{
    /// <summary>Registers a verb of a slice's own.</summary>
    public static IServiceCollection AddTrackerVerb(this IServiceCollection services, string name, Func<WebApplication, string[], Task<int>> run) =>
        services.AddSingleton(new TrackerVerb(name, run));

    /// <summary>Runs the verb named by <paramref name="args"/>.</summary>
    public static async Task<int> RunTrackerCommandsAsync(this WebApplication app, string[] args)
    {
        var verb = args.Length == 0 ? null
            : app.Services.GetServices<TrackerVerb>().FirstOrDefault(v => string.Equals(v.Name, args[0], StringComparison.OrdinalIgnoreCase));
        return verb is not null ? await verb.RunAsync(app, args[1..]) : await app.RunJasperFxCommands(args);
    }
}
