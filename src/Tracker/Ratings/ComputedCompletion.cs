namespace Tracker.Ratings;

/// <summary>A milestone's latest progress as of a cutoff, as the completion rule sees it.</summary>
/// <param name="Latest">The latest reported level as of the cutoff; null when none was reported.</param>
/// <param name="Withdrawn">Whether the milestone was withdrawn by the cutoff.</param>
/// <param name="Weight">The milestone's share of the commitment, relative to the others; 1 when weights are not given.</param>
public sealed record MilestoneStatus(ProgressLevel? Latest, bool Withdrawn, decimal Weight = 1m);

/// <summary>A commitment's completion computed from its milestones (shown beside the reviewer's official rating).</summary>
public static class ComputedCompletion
{
    /// <summary>
    /// No milestones → NotAssessed; all withdrawn → Withdrawn; every live milestone Complete → Complete; none begun
    /// (every live one unreported or NotStarted) → NotStarted; at least half of the live weight Substantial or
    /// Complete → Substantial; else Limited. Weights are relative; if every live weight is zero they count equally.
    /// </summary>
    public static Rated<Completion> From(IReadOnlyList<MilestoneStatus> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        if (milestones.Any(milestone => milestone.Weight < 0m))
        {
            throw new ArgumentOutOfRangeException(nameof(milestones), "A milestone weight cannot be negative.");
        }

        if (milestones.Count == 0)
        {
            return Rated.NotAssessed<Completion>();
        }

        var live = milestones.Where(milestone => !milestone.Withdrawn).ToList();
        if (live.Count == 0)
        {
            return Rated.Of(Completion.Withdrawn);
        }

        if (live.All(milestone => milestone.Latest == ProgressLevel.Complete))
        {
            return Rated.Of(Completion.Complete);
        }

        if (live.All(milestone => milestone.Latest is null or ProgressLevel.NotStarted))
        {
            return Rated.Of(Completion.NotStarted);
        }

        var weighted = live.Sum(milestone => milestone.Weight) > 0m;
        decimal WeightOf(MilestoneStatus milestone) => weighted ? milestone.Weight : 1m;
        var total = live.Sum(WeightOf);
        var advanced = live.Where(milestone => milestone.Latest is ProgressLevel.Substantial or ProgressLevel.Complete).Sum(WeightOf);

        return Rated.Of(2m * advanced >= total ? Completion.Substantial : Completion.Limited);
    }
}
