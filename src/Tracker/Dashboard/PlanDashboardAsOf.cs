using JasperFx.Events;
using Marten;
using Tracker.Commitments;
using Tracker.Milestones;
using Tracker.Plans;
using Tracker.Reviews;

namespace Tracker.Dashboard;

/// <summary>
/// The plan dashboard as it stood at an instant. The async projection holds only the present, so the past is folded
/// from the event store itself through the projection's own Create/Apply methods: the streams are the plan's, its
/// commitments', its milestones' and its two review reports' (all named by today's dashboard, since streams are never
/// deleted), and only their events recorded by then are read.
/// </summary>
public static class PlanDashboardAsOf
{
    /// <summary>The dashboard now (the projected document), or as of <paramref name="asOf"/>; null when the plan did not exist.</summary>
    public static async Task<PlanDashboard?> LoadAsync(IQuerySession session, Guid planId, DateTimeOffset? asOf, CancellationToken ct)
    {
        var current = await session.LoadAsync<PlanDashboard>(planId, ct);
        if (current is null || asOf is not { } at) return current;
        Guid[] streams =
        [
            planId, ReviewReport.IdFor(planId, ReportKind.Midterm), ReviewReport.IdFor(planId, ReportKind.EndOfTerm),
            .. current.Commitments.Keys, .. current.Milestones.Keys,
        ];
        var utc = at.ToUniversalTime();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(streams) && e.Timestamp <= utc)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return Fold(events);
    }

    /// <summary>Folds events in sequence order, exactly as the async daemon does.</summary>
    public static PlanDashboard? Fold(IEnumerable<IEvent> events)
    {
        var projection = new PlanDashboardProjection();
        PlanDashboard? d = null;
        foreach (var e in events)
        {
            if (e.Data is PlanRegistered registered)
            {
                d = projection.Create(registered);
                continue;
            }
            if (d is null) continue;
            switch (e)
            {
                case IEvent<PlanAmended> x: projection.Apply(x.Data, d); break;
                case IEvent<CommitmentRegistered> x: projection.Apply(x, d); break;
                case IEvent<CommitmentRevised> x: projection.Apply(x, d); break;
                case IEvent<CommitmentWithdrawn> x: projection.Apply(x, d); break;
                case IEvent<MilestonePlanned> x: projection.Apply(x.Data, d); break;
                case IEvent<MilestoneProgressReported> x: projection.Apply(x, d); break;
                case IEvent<MilestoneRebaselined> x: projection.Apply(x, d); break;
                case IEvent<MilestoneWithdrawn> x: projection.Apply(x, d); break;
                case IEvent<ReviewReportPublished> x: projection.Apply(x, d); break;
                case IEvent<ErratumIssued> x: projection.Apply(x, d); break;
            }
        }
        return d;
    }
}
