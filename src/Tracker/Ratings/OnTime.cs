namespace Tracker.Ratings;

/// <summary>A milestone's schedule, as the on-time rule sees it.</summary>
/// <param name="PlannedEnd">The planned end date, already re-baselined.</param>
/// <param name="CompletedOn">The as-of date of the first progress report that said Complete; null if never.</param>
/// <param name="Withdrawn">Whether the milestone was withdrawn.</param>
public sealed record MilestoneSchedule(DateOnly PlannedEnd, DateOnly? CompletedOn, bool Withdrawn);

/// <summary>"On time?" for a commitment at a review's cutoff.</summary>
public static class OnTime
{
    /// <summary>
    /// Yes when every live milestone due by the cutoff (planned end on or before it) was Complete on or before its
    /// planned end. No milestones → NotAssessed; every milestone withdrawn → NotApplicable (there is no schedule
    /// left to keep); no live milestone due yet → Yes.
    /// </summary>
    public static Rated<bool> Evaluate(IReadOnlyList<MilestoneSchedule> milestones, DateOnly cutoff)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        if (milestones.Count == 0)
        {
            return Rated.NotAssessed<bool>();
        }

        if (milestones.All(milestone => milestone.Withdrawn))
        {
            return Rated.NotApplicable<bool>();
        }

        return Rated.Of(milestones
            .Where(milestone => !milestone.Withdrawn && milestone.PlannedEnd <= cutoff)
            .All(milestone => milestone.CompletedOn is { } completedOn && completedOn <= milestone.PlannedEnd));
    }
}
