using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Plans;

namespace Tracker.Milestones;

/// <summary>The commitment and plan a milestone decision is checked against (who leads it, the plan period).</summary>
public sealed record MilestoneContext(Commitment Commitment, Plan Plan)
{
    /// <summary>Loads the current commitment and plan of <paramref name="commitmentId"/>.</summary>
    public static async Task<MilestoneContext> LoadAsync(IQuerySession session, Guid commitmentId, CancellationToken ct)
    {
        var commitment = await session.LoadAsync<Commitment>(commitmentId, ct) ?? throw TrackerRuleBroken.NotFound("commitment", commitmentId);
        var plan = await session.LoadAsync<Plan>(commitment.PlanId, ct) ?? throw TrackerRuleBroken.NotFound("plan", commitment.PlanId);
        return new(commitment, plan);
    }

    /// <summary>
    /// The current commitment and plan of <paramref name="milestone"/>, in one round trip: the milestone names its plan,
    /// so both are read in one batch (a progress report's context cost two before).
    /// </summary>
    public static async Task<MilestoneContext> OfAsync(IQuerySession session, Milestone milestone, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var commitment = batch.Load<Commitment>(milestone.CommitmentId);
        var plan = batch.Load<Plan>(milestone.PlanId);
        await batch.Execute(ct);
        return new(await commitment ?? throw TrackerRuleBroken.NotFound("commitment", milestone.CommitmentId),
            await plan ?? throw TrackerRuleBroken.NotFound("plan", milestone.PlanId));
    }

    /// <summary>The context of a lead-institution write to <paramref name="milestone"/>, checked by <see cref="EnsureLeadWrite"/>.</summary>
    public static async Task<MilestoneContext> ForLeadWriteAsync(IQuerySession session, Milestone milestone, Caller caller,
        long? expectedVersion, CancellationToken ct)
    {
        var context = await OfAsync(session, milestone, ct);
        context.EnsureLeadWrite(milestone, caller, expectedVersion);
        return context;
    }

    /// <summary>
    /// The checks every lead-institution write to <paramref name="milestone"/> shares, in this order: the caller's right
    /// first (a refused caller learns nothing else), then the expected version, then that the milestone is live and
    /// its commitment not withdrawn (a withdrawn commitment takes no progress and no new dates, as it takes no new milestone).
    /// </summary>
    public void EnsureLeadWrite(Milestone milestone, Caller caller, long? expectedVersion)
    {
        EnsureReportableBy(caller);
        StaleVersion.Check(milestone.Id, milestone.Version, expectedVersion);
        milestone.EnsureLive();
        Commitment.EnsureActive();
    }

    /// <summary>Only staff of the institution that leads the commitment report on its milestones.</summary>
    public void EnsureReportableBy(Caller caller)
    {
        if (!Commitment.IsLedBy(caller))
            throw TrackerRuleBroken.Forbidden("milestone.not_lead",
                $"Only staff of the institution that leads {Commitment.Code} may report on its milestones.");
    }

    /// <summary>A date a milestone carries must lie within the plan period.</summary>
    public void EnsureWithinPlan(string field, DateOnly day)
    {
        if (!Plan.Covers(day))
            throw TrackerRuleBroken.InvalidField(field, "date.outside_plan", $"Must lie within the plan period {Plan.PeriodStart:yyyy-MM-dd}..{Plan.PeriodEnd:yyyy-MM-dd}.");
    }
}
