using Marten;
using Tracker.Commitments;
using Tracker.Milestones;

namespace Tracker.Plans;

/// <summary>A commitment of a plan and the dates it holds.</summary>
public sealed record DatedCommitment(string Code, DateOnly? Start, DateOnly? End, bool Withdrawn = false);

/// <summary>A milestone of a plan, the dates it holds and the earliest day its progress was reported as of.</summary>
/// <param name="Withdrawn">The milestone or its commitment was withdrawn.</param>
public sealed record DatedMilestone(string CommitmentCode, int Number, DateOnly PlannedStart, DateOnly PlannedEnd, DateOnly? EarliestProgress,
    bool Withdrawn = false);

/// <summary>A date inside a plan that a period would leave outside it, e.g. "NL0025 milestone 2 planned end 2018-06-30".</summary>
public sealed record DateOutsidePeriod(string What, DateOnly Day)
{
    /// <inheritdoc />
    public override string ToString() => $"{What} {Day:yyyy-MM-dd}";
}

/// <summary>
/// What lies inside a plan's period: the dates of its commitments and milestones, each bounded by the period when it
/// was written (commitment and milestone dates inside it, progress not as of a day before it starts).
/// </summary>
public sealed record PlanContents(IReadOnlyList<DatedCommitment> Commitments, IReadOnlyList<DatedMilestone> Milestones)
{
    /// <summary>Loads the commitments and milestones of <paramref name="planId"/>.</summary>
    public static async Task<PlanContents> LoadAsync(IQuerySession session, Guid planId, CancellationToken ct)
    {
        var commitments = (await session.Query<Commitment>().Where(c => c.PlanId == planId).ToListAsync(ct)).ToDictionary(c => c.Id);
        var milestones = await session.Query<Milestone>().Where(m => m.PlanId == planId).ToListAsync(ct);
        return new(
            commitments.Values.OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new DatedCommitment(c.Code, c.Text.Start, c.Text.End, c.Status == CommitmentStatus.Withdrawn)).ToList(),
            milestones.Where(m => commitments.ContainsKey(m.CommitmentId))
                .Select(m => (Milestone: m, Commitment: commitments[m.CommitmentId]))
                .Select(x => new DatedMilestone(x.Commitment.Code, x.Milestone.Number, x.Milestone.PlannedStart, x.Milestone.PlannedEnd,
                    x.Milestone.EarliestProgressAsOf,
                    x.Milestone.Withdrawn || x.Commitment.Status == CommitmentStatus.Withdrawn))
                .OrderBy(m => m.CommitmentCode, StringComparer.Ordinal).ThenBy(m => m.Number).ToList());
    }

    /// <summary>
    /// Every date that the period <paramref name="start"/>..<paramref name="end"/> would leave outside it: commitments
    /// first, then milestones, by code and number. Withdrawn work does not count: it no longer belongs to the plan's
    /// implementation and can no longer be re-dated, so it cannot hold the period in place.
    /// </summary>
    public IReadOnlyList<DateOutsidePeriod> OutsidePeriod(DateOnly start, DateOnly end)
    {
        bool Outside(DateOnly? day) => day is { } d && (d < start || d > end);
        var outside = new List<DateOutsidePeriod>();
        foreach (var c in Commitments.Where(c => !c.Withdrawn))
        {
            if (Outside(c.Start)) outside.Add(new($"{c.Code} start", c.Start!.Value));
            if (Outside(c.End)) outside.Add(new($"{c.Code} end", c.End!.Value));
        }
        foreach (var m in Milestones.Where(m => !m.Withdrawn))
        {
            if (Outside(m.PlannedStart)) outside.Add(new($"{m.CommitmentCode} milestone {m.Number} planned start", m.PlannedStart));
            if (Outside(m.PlannedEnd)) outside.Add(new($"{m.CommitmentCode} milestone {m.Number} planned end", m.PlannedEnd));
            // Progress may be reported after the period ends (the end-of-term review asks for it), never as of a day before it starts.
            if (m.EarliestProgress is { } asOf && asOf < start) outside.Add(new($"{m.CommitmentCode} milestone {m.Number} progress as of", asOf));
        }
        return outside;
    }
}
