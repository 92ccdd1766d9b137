namespace Tracker.Ratings;

/// <summary>One level of a versioned scale: the value, how the OGP file writes it, and the IRM's definition.</summary>
public sealed record ScaleLevel<T>(T Level, string Cell, string Definition) where T : struct, Enum;

/// <summary>
/// A scale of the IRM method since 2021, as a value with its version, so that a later revision of the method adds a
/// scale beside this one instead of <c>if</c>s in the rules. Levels are listed in the scale's order.
/// </summary>
public sealed record VersionedScale<T>(string Name, string Version, IReadOnlyList<ScaleLevel<T>> Levels) where T : struct, Enum
{
    /// <summary>The level the OGP file writes as <paramref name="cell"/> (any case and spacing), if any.</summary>
    public bool TryRead(string cell, out T level)
    {
        var found = Levels.FirstOrDefault(l => Same(l.Cell, cell));
        level = found?.Level ?? default;
        return found is not null;
    }

    /// <summary>How the OGP file writes <paramref name="level"/>.</summary>
    public string Cell(T level) => Levels.First(l => EqualityComparer<T>.Default.Equals(l.Level, level)).Cell;

    private static bool Same(string a, string b) =>
        string.Equals(a.Replace(" ", ""), b.Trim().Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The scales of the IRM's Action Plan Review and Results Report (method since 2021).</summary>
public static class CurrentMethodScales
{
    /// <summary>Potential for results, Action Plan Review, 2021 guidance.</summary>
    public static readonly VersionedScale<PotentialForResults> PotentialForResults = new("Potential for results", "IRM 2021",
    [
        new(Ratings.PotentialForResults.Unclear, "Unclear", "Too unclear in its aims or its means to judge what it could achieve."),
        new(Ratings.PotentialForResults.Modest, "Modest", "A positive but stand-alone initiative, or a change unlikely to bind or to last."),
        new(Ratings.PotentialForResults.Substantial, "Substantial", "A promising change of rules, practice or policy, likely to bind and to last."),
    ]);

    /// <summary>Completion, Results Report, 2021 guidance (the OGP file writes "No evidence available" as Unclear).</summary>
    public static readonly VersionedScale<ResultsCompletion> Completion = new("Completion", "IRM 2021",
    [
        new(ResultsCompletion.NoEvidenceAvailable, "Unclear", "No evidence available: the IRM could not establish what was done."),
        new(ResultsCompletion.NotStarted, "Not Started", "No work has begun."),
        new(ResultsCompletion.Limited, "Limited", "Some work done, less than substantial."),
        new(ResultsCompletion.Substantial, "Substantial", "Most of the work done."),
        new(ResultsCompletion.Complete, "Complete", "All of the work done."),
    ]);

    /// <summary>Early results, Results Report, 2021 guidance.</summary>
    public static readonly VersionedScale<EarlyResults> EarlyResults = new("Early results", "IRM 2021",
    [
        new(Ratings.EarlyResults.NoneToReportYet, "No early results to report yet", "Implemented too recently, or too little, for results to show."),
        new(Ratings.EarlyResults.NoNotableResults, "No notable results", "Implementation did not change government practice in a notable way."),
        new(Ratings.EarlyResults.Moderate, "Moderate", "A positive change in government practice, limited in scope or scale."),
        new(Ratings.EarlyResults.Significant, "Significant", "A major change in government practice in its policy area."),
        new(Ratings.EarlyResults.Outstanding, "Outstanding", "A transformative change in government practice, beyond the commitment's own area."),
    ]);
}
