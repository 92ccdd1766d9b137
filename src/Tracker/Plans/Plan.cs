using Tracker.Infrastructure;

namespace Tracker.Plans;

/// <summary>Where a plan stands.</summary>
public enum PlanStatus
{
    /// <summary>Being implemented.</summary>
    Active,
    /// <summary>Its implementation period is over.</summary>
    Ended,
}

/// <summary>
/// An action plan as the API shows it, folded from its stream. Also the write model: decisions about a plan
/// (its period bounds every date inside it) need exactly these facts. Stored inline, so a write reads its own result.
/// </summary>
public sealed record Plan(Guid Id, Guid MemberId, int Number, string Title, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly MidtermCutoff, PlanStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The stream version: how many events the stream holds (send it back in If-Match).</summary>
    public long Version { get; set; }

    /// <summary>Starts the plan.</summary>
    public static Plan Create(PlanRegistered e) => new(e.PlanId, e.MemberId, e.Number, e.Title, e.PeriodStart,
        e.PeriodEnd, e.MidtermCutoff, PlanStatus.Active, e.RegisteredAt, e.RegisteredAt);

    /// <summary>Folds an amendment.</summary>
    public Plan Apply(PlanAmended e) => this with
    {
        Title = e.Title, PeriodStart = e.PeriodStart, PeriodEnd = e.PeriodEnd, MidtermCutoff = e.MidtermCutoff,
        UpdatedAt = e.AmendedAt,
    };

    /// <summary>True when each progress report waits for the point of contact's approval before it is public.</summary>
    public bool ProgressApprovalRequired { get; init; }

    /// <summary>Folds the approval setting.</summary>
    public Plan Apply(PlanProgressApprovalSet e) => this with { ProgressApprovalRequired = e.Required, UpdatedAt = e.SetAt };

    /// <summary>The last day of implementation, once the plan has ended.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>Folds the end of the plan.</summary>
    public Plan Apply(PlanEnded e) => this with { Status = PlanStatus.Ended, EndedOn = e.EndedOn, UpdatedAt = e.EndedAt };

    /// <summary>True when <paramref name="day"/> lies within the plan's period.</summary>
    public bool Covers(DateOnly day) => day >= PeriodStart && day <= PeriodEnd;

    /// <summary>Refuses changes to a plan whose implementation has ended.</summary>
    public void EnsureNotEnded(string what = "is not amended")
    {
        if (Status == PlanStatus.Ended)
            throw new TrackerRuleBroken("plan.ended", $"The plan '{Title}' has ended; an ended plan {what}.", RuleKind.Conflict);
    }

    /// <summary>
    /// The midterm cutoff of a plan registered without one: the last day of its first year, or its end when it is
    /// shorter. A period that starts in year 9999 has no later year to count in, and ends within its first year.
    /// </summary>
    public static DateOnly DefaultMidtermCutoff(DateOnly start, DateOnly end) =>
        start.Year == DateOnly.MaxValue.Year ? end : Min(start.AddYears(1).AddDays(-1), end);

    /// <summary>The checks a period shares in a registration and an amendment: it ends after it starts, and holds its cutoff.</summary>
    public static FieldErrors PeriodErrors(FieldErrors errors, DateOnly? start, DateOnly? end, DateOnly? cutoff)
    {
        if (start is not { } s || end is not { } e) return errors;
        errors.Check("periodEnd", e > s, "The period must end after it starts.");
        if (cutoff is { } c) errors.Check("midtermCutoff", c >= s && c <= e, "The midterm cutoff must lie within the period.");
        return errors;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
