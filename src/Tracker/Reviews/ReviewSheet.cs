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
            return CommitmentReview.Rate(facts, panels.GetValueOrDefault(commitment.Id) ?? new Dictionary<Indicator, PanelValue>(),
                report.Kind, report.StarRule);
        }).ToList();
    }

    /// <summary>
    /// The panel values of a report: the frozen ones once published, otherwise the consensus of the reviewers'
    /// latest assessments or the lead reviewer's final value.
    /// </summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyDictionary<Indicator, PanelValue>> Panels(ReviewReport report)
    {
        if (report.Status == ReportStatus.Published)
            return report.Published.ToDictionary(r => r.CommitmentId, r => r.Panel);
        return report.Assessments.GroupBy(a => a.CommitmentId).ToDictionary(
            byCommitment => byCommitment.Key,
            byCommitment => (IReadOnlyDictionary<Indicator, PanelValue>)byCommitment.GroupBy(a => a.Indicator)
                .ToDictionary(byIndicator => byIndicator.Key, byIndicator => Panel(byIndicator.Key, byIndicator.ToList())));
    }

    private static PanelValue Panel(Indicator indicator, IReadOnlyList<Assessment> assessments)
    {
        var latest = assessments.Where(a => !a.IsFinal).GroupBy(a => a.ReviewerId).Select(g => g.Last()).ToList();
        var final = assessments.LastOrDefault(a => a.IsFinal)?.Value;
        var reviewers = latest.Select(a => new ReviewerValue(a.ReviewerId, a.Value, a.Rationale)).ToList();
        var values = latest.Select(a => a.Value).ToList();
        return indicator switch
        {
            Indicator.Specificity => Ordinal<Specificity>(values, final, reviewers),
            Indicator.PotentialImpact => Ordinal<PotentialImpact>(values, final, reviewers),
            Indicator.Completion => Ordinal<Completion>(values, final, reviewers),
            Indicator.OnTime or Indicator.Relevant => YesNo(values, final, reviewers),
            Indicator.Relevance => ValueSet(values, final, reviewers),
            _ => Ordinal<OpenGovernmentEffect>(values, final, reviewers),
        };
    }

    private static PanelValue Ordinal<T>(IReadOnlyList<string> values, string? final, IReadOnlyList<ReviewerValue> reviewers) where T : struct, Enum
    {
        var consensus = PanelConsensus.Decide(values.Select(RatingText.Parse<T>).ToList(), final is null ? null : RatingText.Parse<T>(final));
        return new PanelValue(RatingText.Format(consensus.Value), consensus.Disagreement, consensus.IsFinal, reviewers);
    }

    private enum Answer { No, Yes }

    private static PanelValue YesNo(IReadOnlyList<string> values, string? final, IReadOnlyList<ReviewerValue> reviewers)
    {
        static Rated<Answer> AsAnswer(string text) => RatingText.ParseBool(text).Map(yes => yes ? Answer.Yes : Answer.No);
        var consensus = PanelConsensus.Decide(values.Select(AsAnswer).ToList(), final is null ? null : AsAnswer(final));
        var text = consensus.Value.Match(a => a == Answer.Yes ? "yes" : "no", RatingText.NotAssessed, RatingText.NotApplicable);
        return new PanelValue(text, consensus.Disagreement, consensus.IsFinal, reviewers);
    }

    // A value belongs to the panel's set when more than half of the reviewers who assessed relevance named it.
    private static PanelValue ValueSet(IReadOnlyList<string> values, string? final, IReadOnlyList<ReviewerValue> reviewers)
    {
        var assessed = values.Select(RatingText.ParseSet).Where(r => r.IsAssessed).Select(r => r.Value).ToList();
        var disagreement = assessed.Select(s => RatingText.FormatSet(Rated.Of(s))).Distinct().Skip(1).Any();
        if (final is not null) return new PanelValue(final, disagreement, true, reviewers);
        if (assessed.Count == 0)
            return new PanelValue(values.Count > 0 && values.All(v => v == RatingText.NotApplicable) ? RatingText.NotApplicable : RatingText.NotAssessed,
                false, false, reviewers);
        IReadOnlySet<OgpValue> majority = Enum.GetValues<OgpValue>().Where(v => assessed.Count(s => s.Contains(v)) * 2 > assessed.Count).ToHashSet();
        return new PanelValue(RatingText.FormatSet(Rated.Of(majority)), disagreement, false, reviewers);
    }

    /// <summary>The facts of a commitment as of <paramref name="cutoff"/>: only progress as of that day or earlier counts.</summary>
    public static CommitmentFacts Facts(Commitment commitment, IReadOnlyList<Milestone> milestones, ILookup<Guid, ProgressReport> progress,
        IReadOnlyDictionary<Guid, string> institutionNames, DateOnly cutoff, IReadOnlyDictionary<Indicator, PanelValue>? midtermPanel)
    {
        var asOfCutoff = milestones.Select(m => (Milestone: m, Progress: progress[m.Id].Where(p => p.AsOf <= cutoff).ToList())).ToList();
        var computed = ComputedCompletion.From(asOfCutoff.Select(x => new MilestoneStatus(x.Progress.LastOrDefault()?.Level, x.Milestone.Withdrawn, x.Milestone.Weight)).ToList());
        var onTime = OnTime.Evaluate(asOfCutoff.Select(x => new MilestoneSchedule(x.Milestone.PlannedEnd,
            x.Progress.FirstOrDefault(p => p.Level == ProgressLevel.Complete)?.AsOf, x.Milestone.Withdrawn)).ToList(), cutoff);
        var overdue = asOfCutoff.Count(x => Overdue.IsOverdue(x.Milestone.PlannedEnd, x.Progress.LastOrDefault()?.Level, x.Milestone.Withdrawn, cutoff));
        return new CommitmentFacts(commitment.Id, commitment.Code, commitment.Number, commitment.Text.Title,
            institutionNames.GetValueOrDefault(commitment.Text.LeadInstitutionId), commitment.Status == CommitmentStatus.Withdrawn,
            RatingText.Format(computed), RatingText.Format(onTime), overdue, milestones.Count, midtermPanel);
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
}
