using Marten;
using Tracker.Commitments;
using Tracker.Milestones;
using Tracker.Ratings;

namespace Tracker.Reminders;

/// <summary>A milestone its lead institution must act on: overdue, or due within <see cref="DueReminders.HorizonDays"/> days.</summary>
public sealed record MilestoneReminder(Guid MilestoneId, string Code, int Number, string Text, DateOnly PlannedEnd, bool Overdue, Guid LeadInstitutionId);

/// <summary>Which milestones to remind an institution of, on a given day.</summary>
public static class DueReminders
{
    /// <summary>How far ahead "due soon" looks.</summary>
    public const int HorizonDays = 14;

    /// <summary>
    /// Live milestones of active commitments, not reported complete, whose planned end has passed (overdue, by the rule
    /// every view uses) or falls within the horizon; overdue first, then by date and code.
    /// </summary>
    public static IReadOnlyList<MilestoneReminder> Of(IEnumerable<Commitment> commitments, IEnumerable<Milestone> milestones, DateOnly today)
    {
        var active = commitments.Where(c => c.Status == CommitmentStatus.Active).ToDictionary(c => c.Id);
        return milestones
            .Where(m => active.ContainsKey(m.CommitmentId) && !m.Withdrawn && m.LatestProgress?.Level != ProgressLevel.Complete)
            .Select(m => (Milestone: m, Overdue: Overdue.IsOverdue(m.PlannedEnd, m.LatestProgress?.Level, m.Withdrawn, today)))
            .Where(x => x.Overdue || x.Milestone.PlannedEnd <= today.AddDays(HorizonDays))
            .Select(x => new MilestoneReminder(x.Milestone.Id, active[x.Milestone.CommitmentId].Code, x.Milestone.Number, x.Milestone.Text,
                x.Milestone.PlannedEnd, x.Overdue, active[x.Milestone.CommitmentId].Text.LeadInstitutionId))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.PlannedEnd).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Number)
            .ToList();
    }

    /// <summary>The reminders of the commitments <paramref name="institutionId"/> leads (every institution when null).</summary>
    public static async Task<IReadOnlyList<MilestoneReminder>> LoadAsync(IQuerySession session, Guid? institutionId, DateOnly today, CancellationToken ct)
    {
        var commitments = institutionId is { } id
            ? await session.Query<Commitment>().Where(c => c.Text.LeadInstitutionId == id).ToListAsync(ct)
            : await session.Query<Commitment>().ToListAsync(ct);
        var ids = commitments.Select(c => c.Id).ToArray();
        var milestones = ids.Length == 0 ? [] : await session.Query<Milestone>().Where(m => m.CommitmentId.IsOneOf(ids)).ToListAsync(ct);
        return Of(commitments, milestones, today);
    }
}
