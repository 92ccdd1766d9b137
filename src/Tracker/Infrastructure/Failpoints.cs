using System.Diagnostics;

namespace Tracker.Infrastructure;

/// <summary>
/// Faults the chaos suite (<c>make chaos</c>) injects where no outside signal can land precisely. Off unless
/// <c>Tracker:Chaos:Failpoints</c> is true, which only the suite's throwaway instances set.
/// </summary>
public static class Failpoints
{
    /// <summary>The request header that asks for the fault.</summary>
    public const string DieAfterCommitHeader = "X-Chaos-Die-After-Commit";

    /// <summary>Kills the process (SIGKILL) after a write committed and before its answer is stored or sent.</summary>
    public static void DieAfterCommit(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey(DieAfterCommitHeader)) return;
        if (!http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Tracker:Chaos:Failpoints", false)) return;
        Process.GetCurrentProcess().Kill();
    }
}
