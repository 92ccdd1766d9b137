namespace Tracker.Ratings;

/// <summary>Overdue milestones: the work the plan dashboard must not hide.</summary>
public static class Overdue
{
    /// <summary>Overdue when the (re-baselined) planned end is before <paramref name="asOf"/>, the milestone is not Complete and not withdrawn.</summary>
    public static bool IsOverdue(DateOnly plannedEnd, ProgressLevel? latest, bool withdrawn, DateOnly asOf) =>
        plannedEnd < asOf && latest != ProgressLevel.Complete && !withdrawn;
}
