using Marten;
using Tracker.Commitments;
using Tracker.Milestones;
using Tracker.Plans;
using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>Everything a review sheet is computed from: the plan's commitments, milestones and their progress, and the reports.</summary>
public sealed record ReviewInputs(Plan Plan, IReadOnlyList<Commitment> Commitments, IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<ProgressRecord> Progress, IReadOnlyDictionary<Guid, string> InstitutionNames, ReviewReport Report, ReviewReport? Midterm)
{
    /// <summary>The reports of each milestone, oldest first.</summary>
    public ILookup<Guid, ProgressReport> ProgressByMilestone { get; } = ProgressHistory.ByMilestone(Progress);
}

/// <summary>
/// Computes a review's entries from its inputs, as of the report's cutoff: progress reported as of a later day does
/// not move them, whenever it was recorded. Pure: the same inputs always give the same sheet.
/// </summary>
public static class ReviewSheet
{
    /// <summary>One entry per commitment of the plan, in code order.</summary>
    public static IReadOnlyList<CommitmentReview> Build(ReviewInputs inputs)
    {
        var report = inputs.Report;
        // A report uses another report's values only once that one is published: a draft midterm stays private.
        var midtermPanels = inputs.Midterm is { Status: ReportStatus.Published } midterm ? Panels(midterm) : null;
        var panels = Panels(report);
        return inputs.Commitments.OrderBy(c => c.Code).Select(commitment =>
        {
            var milestones = inputs.Milestones.Where(m => m.CommitmentId == commitment.Id).ToList();
            var facts = Facts(commitment, milestones, inputs.ProgressByMilestone, inputs.InstitutionNames, report.Cutoff,
                midtermPanels?.GetValueOrDefault(commitment.Id));
            var entry = CommitmentReview.Rate(facts, panels.GetValueOrDefault(commitment.Id) ?? Panel.Empty, report.Kind, report.StarRule);
            return entry.CurrentMethod is { } current ? entry with { CurrentMethod = current with { Cluster = commitment.Cluster } } : entry;
        }).ToList();
    }

    /// <summary>
    /// The panel values of a report: the frozen ones once published, otherwise the consensus of the reviewers'
    /// latest assessments or the lead reviewer's final value.
    /// </summary>
    public static IReadOnlyDictionary<Guid, Panel> Panels(ReviewReport report)
    {
        if (report.Status == ReportStatus.Published)
            return report.Published.ToDictionary(r => r.CommitmentId, r => r.Panel);
        return report.Assessments.GroupBy(a => a.CommitmentId).ToDictionary(
            byCommitment => byCommitment.Key,
            byCommitment => new Panel(byCommitment.GroupBy(a => a.Indicator)
                .ToDictionary(byIndicator => byIndicator.Key, byIndicator => PanelOf(byIndicator.Key, byIndicator.ToList()))));
    }

    private static PanelValue PanelOf(Indicator indicator, IReadOnlyList<Assessment> assessments)
    {
        var latest = assessments.Where(a => !a.IsFinal).GroupBy(a => a.ReviewerId).Select(g => g.Last()).ToList();
        var final = assessments.LastOrDefault(a => a.IsFinal)?.Score;
        var reviewers = latest.Select(a => new ReviewerValue(a.ReviewerId, a.Score, a.Rationale)).ToList();
        var values = latest.Select(a => a.Score).ToList();
        var scale = IndicatorScales.Of(indicator);
        if (scale == typeof(bool)) return YesNo(indicator, values, final, reviewers);
        if (scale == typeof(IReadOnlySet<OgpValue>)) return ValueSet(indicator, values, final, reviewers);
        return indicator switch
        {
            Indicator.Specificity => Ordinal<Specificity>(indicator, values, final, reviewers),
            Indicator.PotentialImpact => Ordinal<PotentialImpact>(indicator, values, final, reviewers),
            Indicator.Completion => Ordinal<Completion>(indicator, values, final, reviewers),
            Indicator.PotentialForResults => Ordinal<PotentialForResults>(indicator, values, final, reviewers),
            Indicator.ResultsCompletion => Ordinal<ResultsCompletion>(indicator, values, final, reviewers),
            Indicator.EarlyResults => Ordinal<EarlyResults>(indicator, values, final, reviewers),
            _ => Ordinal<OpenGovernmentEffect>(indicator, values, final, reviewers),
        };
    }

    private static PanelValue Ordinal<T>(Indicator indicator, IReadOnlyList<Score> values, Score? final, IReadOnlyList<ReviewerValue> reviewers)
        where T : struct, Enum
    {
        var consensus = PanelConsensus.Decide(values.Select(v => v.As<T>()).ToList(), final?.As<T>());
        return new PanelValue(Score.Of(indicator, consensus.Value), consensus.Disagreement, consensus.IsFinal, reviewers);
    }

    private enum Answer { No, Yes }

    private static PanelValue YesNo(Indicator indicator, IReadOnlyList<Score> values, Score? final, IReadOnlyList<ReviewerValue> reviewers)
    {
        static Rated<Answer> AsAnswer(Score score) => score.As<bool>().Map(yes => yes ? Answer.Yes : Answer.No);
        var consensus = PanelConsensus.Decide(values.Select(AsAnswer).ToList(), final is null ? null : AsAnswer(final));
        return new PanelValue(Score.Of(indicator, consensus.Value.Map(a => a == Answer.Yes)), consensus.Disagreement, consensus.IsFinal, reviewers);
    }

    // A value belongs to the panel's set when more than half of the reviewers who assessed relevance named it.
    private static PanelValue ValueSet(Indicator indicator, IReadOnlyList<Score> values, Score? final, IReadOnlyList<ReviewerValue> reviewers)
    {
        var rated = values.Select(v => v.As<IReadOnlySet<OgpValue>>()).ToList();
        var assessed = rated.Where(r => r.IsAssessed).ToList();
        var disagreement = assessed.Distinct().Skip(1).Any();
        if (final is not null) return new PanelValue(final, disagreement, true, reviewers);
        if (assessed.Count == 0)
            return new PanelValue(Score.Without(indicator, rated.Count > 0 && rated.All(v => v.State == RatingState.NotApplicable)
                ? RatingState.NotApplicable : RatingState.NotAssessed), false, false, reviewers);
        IReadOnlySet<OgpValue> majority = Enum.GetValues<OgpValue>().Where(v => assessed.Count(s => s.Value.Contains(v)) * 2 > assessed.Count).ToHashSet();
        return new PanelValue(Score.Of(indicator, Rated.Of(majority)), disagreement, false, reviewers);
    }

    /// <summary>The facts of a commitment as of <paramref name="cutoff"/>: only progress as of that day or earlier counts.</summary>
    public static CommitmentFacts Facts(Commitment commitment, IReadOnlyList<Milestone> milestones, ILookup<Guid, ProgressReport> progress,
        IReadOnlyDictionary<Guid, string> institutionNames, DateOnly cutoff, Panel? midtermPanel)
    {
        var asOfCutoff = milestones.Select(m => (Milestone: m, Progress: progress[m.Id].Where(p => p.AsOf <= cutoff).ToList())).ToList();
        var computed = ComputedCompletion.From(asOfCutoff.Select(x => new MilestoneStatus(x.Progress.LastOrDefault()?.Level, x.Milestone.Withdrawn, x.Milestone.Weight)).ToList());
        var onTime = OnTime.Evaluate(asOfCutoff.Select(x => new MilestoneSchedule(x.Milestone.PlannedEnd,
            x.Progress.FirstOrDefault(p => p.Level == ProgressLevel.Complete)?.AsOf, x.Milestone.Withdrawn)).ToList(), cutoff);
        var overdue = asOfCutoff.Count(x => Overdue.IsOverdue(x.Milestone.PlannedEnd, x.Progress.LastOrDefault()?.Level, x.Milestone.Withdrawn, cutoff));
        return new CommitmentFacts(commitment.Id, commitment.Code, commitment.Number, commitment.Text.Title,
            institutionNames.GetValueOrDefault(commitment.Text.LeadInstitutionId), commitment.Status == CommitmentStatus.Withdrawn,
            computed, onTime, overdue, milestones.Count, midtermPanel);
    }
}

/// <summary>Loads review inputs from the inline documents (current state, read-your-writes).</summary>
public static class ReviewInputsLoader
{
    /// <summary>The inputs of the plan's report of <paramref name="kind"/>, or null when the plan or report does not exist.</summary>
    public static async Task<ReviewInputs?> LoadAsync(IQuerySession session, Guid planId, ReportKind kind, CancellationToken ct)
    {
        // Two round trips, not seven: a publication (one per plan and kind in an import) was bound by their latency.
        var batch = session.CreateBatchQuery();
        var plan = batch.Load<Plan>(planId);
        var report = batch.Load<ReviewReport>(ReviewReport.IdFor(planId, kind));
        var midterm = kind == ReportKind.EndOfTerm ? batch.Load<ReviewReport>(ReviewReport.IdFor(planId, ReportKind.Midterm)) : Task.FromResult<ReviewReport?>(null);
        var commitments = batch.Query<Commitment>().Where(c => c.PlanId == planId).ToList();
        var milestones = batch.Query<Milestone>().Where(m => m.PlanId == planId).ToList();
        var progress = batch.Query<ProgressRecord>().Where(r => r.PlanId == planId).ToList();
        await batch.Execute(ct);
        if (await plan is not { } found || await report is not { } current) return null;
        var institutionIds = (await commitments).Select(c => c.Text.LeadInstitutionId).Distinct().ToArray();
        var institutions = await session.LoadManyAsync<Institutions.Institution>(ct, institutionIds);
        return new ReviewInputs(found, await commitments, await milestones, await progress, institutions.ToDictionary(i => i.Id, i => i.Name),
            current, await midterm);
    }

    /// <summary>
    /// The inputs as they stood at <paramref name="asOf"/> (now when null): each stream folded up to the instant, and
    /// only the progress reported by then, so a review read "as of" a day is the one a reader saw on that day.
    /// </summary>
    public static async Task<ReviewInputs?> LoadAsync(IQuerySession session, Guid planId, ReportKind kind, DateTimeOffset? asOf, CancellationToken ct)
    {
        if (asOf is not { } at) return await LoadAsync(session, planId, kind, ct);
        if (await LoadAsync(session, planId, kind, ct) is not { } now) return null;
        if (await Infrastructure.AsOf.Load<Plan>(session, planId, at, ct) is not { } plan
            || await Infrastructure.AsOf.Load<ReviewReport>(session, now.Report.Id, at, ct) is not { } report) return null;
        var midterm = now.Midterm is null ? null : await Infrastructure.AsOf.Load<ReviewReport>(session, now.Midterm.Id, at, ct);
        // A new record, not `with`: ProgressByMilestone is computed once, from the progress it is built with.
        return new ReviewInputs(plan, await Infrastructure.AsOf.Each(session, now.Commitments, c => c.Id, at, ct),
            await Infrastructure.AsOf.Each(session, now.Milestones, m => m.Id, at, ct),
            now.Progress.Where(p => p.Report.ReportedAt <= at).ToList(), now.InstitutionNames, report, midterm);
    }
}
