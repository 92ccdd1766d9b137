using Marten;
using Tracker.Institutions;

namespace Tracker.Infrastructure;

/// <summary>
/// <c>token --role admin|reviewer|ministry [--institution ID-or-name] [--user ID]</c>: prints a development bearer
/// token and nothing else (what <c>make token</c> runs). Ministry tokens name an institution, by id or by exact name.
/// </summary>
public static class DevelopmentToken
{
    /// <summary>Runs the verb.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (!Enum.TryParse<TrackerRole>(Option("--role"), ignoreCase: true, out var role))
        {
            await Console.Error.WriteLineAsync("usage: token --role admin|reviewer|ministry [--institution ID-or-name] [--user ID]");
            return 2;
        }
        Guid? institutionId = null;
        if (Option("--institution") is { Length: > 0 } institution)
        {
            if (Guid.TryParse(institution, out var id)) institutionId = id;
            else
            {
                await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
                var found = await InstitutionsModule.FindAsync(session, institution, CancellationToken.None);
                if (found is null)
                {
                    await Console.Error.WriteLineAsync($"No institution named '{institution}' (GET /api/institutions lists them).");
                    return 1;
                }
                institutionId = found.Id;
            }
        }
        if (role == TrackerRole.Ministry && institutionId is null)
        {
            await Console.Error.WriteLineAsync("A ministry token needs --institution (INSTITUTION=... with make).");
            return 2;
        }
        var user = Option("--user") ?? $"dev-{role.ToString().ToLowerInvariant()}";
        Console.WriteLine(Authentication.MintDevelopmentToken(app.Configuration, user, role, institutionId, TimeSpan.FromHours(12)));
        return 0;
    }
}
