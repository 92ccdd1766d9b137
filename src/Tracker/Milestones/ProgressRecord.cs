using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Tracker.Milestones;

/// <summary>
/// One progress report as readers find it now: a document of its own per report, inserted once and never rewritten,
/// so that an append costs the same on the 1,000th report as on the first. "As of" reads fold the stream instead.
/// </summary>
public sealed record ProgressRecord(Guid Id, Guid MilestoneId, Guid CommitmentId, Guid PlanId, ProgressReport Report);

/// <summary>Inserts a <see cref="ProgressRecord"/> for each report, inline with the append.</summary>
public sealed partial class ProgressRecordProjection : EventProjection
{
    /// <summary>The record of one report, keyed by the event's id (assigned by Marten before the append).</summary>
    public ProgressRecord Create(IEvent<MilestoneProgressReported> e) =>
        new(e.Id, e.Data.MilestoneId, e.Data.CommitmentId, e.Data.PlanId, ProgressReport.Of(e.Data));
}

/// <summary>Progress histories in the order readers see them: by "as of" day, then as reported.</summary>
public static class ProgressHistory
{
    /// <summary>The reports of each milestone of <paramref name="records"/>, oldest first.</summary>
    public static ILookup<Guid, ProgressReport> ByMilestone(IEnumerable<ProgressRecord> records) =>
        records.OrderBy(r => r.Report.AsOf).ThenBy(r => r.Report.ReportedAt).ToLookup(r => r.MilestoneId, r => r.Report);

    /// <summary>The reports of one milestone, now (its records) or as of <paramref name="asOf"/> (its stream up to then).</summary>
    public static async Task<IReadOnlyList<ProgressReport>> OfMilestoneAsync(IQuerySession session, Guid milestoneId, DateTimeOffset? asOf, CancellationToken ct)
    {
        if (asOf is { } at)
        {
            var events = await session.Events.FetchStreamAsync(milestoneId, timestamp: at.ToUniversalTime(), token: ct);
            return events.Select(e => e.Data).OfType<MilestoneProgressReported>().Select(ProgressReport.Of)
                .OrderBy(r => r.AsOf).ThenBy(r => r.ReportedAt).ToList();
        }
        return ByMilestone(await session.Query<ProgressRecord>().Where(r => r.MilestoneId == milestoneId).ToListAsync(ct))[milestoneId].ToList();
    }

    /// <summary>The reports of each of <paramref name="milestoneIds"/> of one commitment, now or as of <paramref name="asOf"/>.</summary>
    public static async Task<ILookup<Guid, ProgressReport>> OfCommitmentAsync(IQuerySession session, Guid commitmentId, IEnumerable<Guid> milestoneIds,
        DateTimeOffset? asOf, CancellationToken ct)
    {
        if (asOf is null) return ByMilestone(await session.Query<ProgressRecord>().Where(r => r.CommitmentId == commitmentId).ToListAsync(ct));
        var pairs = new List<(Guid Milestone, ProgressReport Report)>();
        foreach (var id in milestoneIds)
            pairs.AddRange((await OfMilestoneAsync(session, id, asOf, ct)).Select(r => (id, r)));
        return pairs.ToLookup(p => p.Milestone, p => p.Report);
    }

    /// <summary>The records of every milestone of a plan, now.</summary>
    public static async Task<IReadOnlyList<ProgressRecord>> OfPlanAsync(IQuerySession session, Guid planId, CancellationToken ct) =>
        await session.Query<ProgressRecord>().Where(r => r.PlanId == planId).ToListAsync(ct);
}
