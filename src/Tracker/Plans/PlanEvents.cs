namespace Tracker.Plans;

/// <summary>An action plan was registered for a member, with its period and midterm cutoff.</summary>
public sealed record PlanRegistered(Guid PlanId, Guid MemberId, int Number, string Title, DateOnly PeriodStart,
    DateOnly PeriodEnd, DateOnly MidtermCutoff, string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>The plan's title, period or midterm cutoff was amended.</summary>
public sealed record PlanAmended(Guid PlanId, string Title, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly MidtermCutoff, string Reason, string AmendedBy, DateTimeOffset AmendedAt);

/// <summary>The plan's implementation period ended.</summary>
public sealed record PlanEnded(Guid PlanId, DateOnly EndedOn, string EndedBy, DateTimeOffset EndedAt);

/// <summary>
/// The plan now asks (or no longer asks) for an approval of each progress report before the public sees it
/// (maker–checker: the lead institution reports, the point of contact approves or sends it back).
/// </summary>
public sealed record PlanProgressApprovalSet(Guid PlanId, bool Required, string SetBy, DateTimeOffset SetAt);
