using Marten;
using Tracker.Infrastructure;
using Tracker.Milestones;
using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>Counts over a review's commitments.</summary>
public sealed record ReviewTotals(int Commitments, int Starred, int Verifiable, int HighAmbition, int HighCompletion, int CompletionDisagreements);

/// <summary>A review as §5 describes it: the report, the method it follows, its lifecycle, and one entry per commitment.</summary>
public sealed record ReviewView(Guid ReportId, Guid PlanId, string PlanTitle, ReportKind Kind, ReviewMethod Method, ReportStatus Status, DateOnly Cutoff,
    StarRule StarRule, bool Imported, IReadOnlyList<Reviewer> Reviewers, DateOnly? CommentsOpen, DateOnly? CommentsClose,
    IReadOnlyList<PublicComment> Comments, IReadOnlyList<Erratum> Errata, DateTimeOffset? PublishedAt, long? SourceSequence,
    ReviewTotals Totals, IReadOnlyList<CommitmentReview> Commitments, long Version);

/// <summary>A milestone as a reviewer sees it at the cutoff.</summary>
public sealed record MilestoneAtCutoff(Guid MilestoneId, int Number, string Text, DateOnly PlannedEnd, bool Withdrawn, bool Overdue,
    ProgressReport? Latest, IReadOnlyList<ProgressReport> History);

/// <summary>One commitment on the reviewer's workbench: its milestones as of the cutoff beside the assessments so far.</summary>
public sealed record WorkbenchEntry(Guid CommitmentId, string Code, string Title, string? LeadInstitution, Rated<Completion> ComputedCompletion,
    Rated<bool> ComputedOnTime, IReadOnlyList<MilestoneAtCutoff> Milestones, IReadOnlyList<Assessment> Assessments, Panel Panel);

/// <summary>The review reads: the midterm / end-of-term views and the reviewer's workbench.</summary>
public static class ReviewViews
{
    /// <summary>Maps <c>GET /api/plans/{planId}/reviews/{kind}</c> and <c>…/workbench</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(ReviewRoutes.Group, static async Task<IResult> (Guid planId, string kind, string? asOf, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                if (!ReviewRoutes.TryKind(kind, out var reportKind, out var problem)) return problem!;
                if (!AsOf.TryParse(asOf, out var instant, out problem)) return problem!;
                var report = await AsOf.Load<ReviewReport>(session, ReviewReport.IdFor(planId, reportKind), instant, ct);
                var missing = Problems.Of(404, "report.not_found", $"The plan has no {reportKind} report{(instant is null ? "" : " at that time")}.");
                if (report is null) return Problems.Result(missing);
                if (Refusal(report, http) is { } refused) return refused;
                if (await BuildAsync(session, report, instant, ct) is not { } view) return Problems.Result(missing);
                http.Response.Headers.ETag = Writes.ETag(report.Version);
                return TypedResults.Ok(view);
            })
            .WithTags("Reviews").WithName("GetReview")
            .WithSummary("Read a plan's midterm or end-of-term review (drafts: its reviewers and admins only)")
            .Produces<ReviewView>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        app.MapGet(ReviewRoutes.Group + "/workbench", static async Task<IResult> (Guid planId, string kind, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                if (!ReviewRoutes.TryKind(kind, out var reportKind, out var problem)) return problem!;
                var inputs = await ReviewInputsLoader.LoadAsync(session, planId, reportKind, ct);
                if (inputs is null) return Problems.Result(Problems.Of(404, "report.not_found", $"The plan has no {reportKind} report."));
                var caller = http.CallerOrNull();
                if (caller is null) return Problems.Result(Problems.Of(401, "caller.unauthenticated", "The workbench is for the report's reviewers."));
                if (!inputs.Report.IsReviewedBy(caller))
                    return Problems.Result(Problems.Of(403, "review.not_assigned", "The workbench is for the report's reviewers and admins."));
                return TypedResults.Ok(Workbench(inputs));
            })
            .RequireAuthorization()
            .WithTags("Reviews").WithName("GetReviewWorkbench")
            .WithSummary("A reviewer's workbench: each commitment's milestones as of the cutoff beside the assessments so far")
            .Produces<IReadOnlyList<WorkbenchEntry>>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }

    /// <summary>
    /// The view of <paramref name="report"/> (as it stood at <paramref name="asOf"/>, or now): its frozen ratings once
    /// published, else the sheet computed from the plan as it stood then. Null when the plan did not exist then.
    /// </summary>
    public static async Task<ReviewView?> BuildAsync(IQuerySession session, ReviewReport report, DateTimeOffset? asOf, CancellationToken ct)
    {
        string planTitle;
        IReadOnlyList<CommitmentReview> entries;
        if (report.Status == ReportStatus.Published)
        {
            // A published report carries its frozen ratings: only a report before publication needs the sheet's inputs.
            if (await AsOf.Load<Plans.Plan>(session, report.PlanId, asOf, ct) is not { } plan) return null;
            planTitle = plan.Title;
            entries = report.Published;
        }
        else
        {
            if (await ReviewInputsLoader.LoadAsync(session, report.PlanId, report.Kind, asOf, ct) is not { } inputs) return null;
            planTitle = inputs.Plan.Title;
            entries = ReviewSheet.Build(inputs with { Report = report });
        }
        return new ReviewView(report.Id, report.PlanId, planTitle, report.Kind, report.Method, report.Status, report.Cutoff, report.StarRule,
            report.Imported, report.Reviewers, report.CommentsOpen, report.CommentsClose, await ReportComments.LoadAsync(session, report.Id, asOf, ct),
            report.Errata, report.PublishedAt, report.SourceSequence, Totals(entries), entries, report.Version);
    }

    private static IResult? Refusal(ReviewReport report, HttpContext http)
    {
        var caller = http.CallerOrNull();
        return report.IsVisibleTo(caller) ? null : DraftRefusal(caller);
    }

    /// <summary>401 for an anonymous reader of a draft, 403 for a caller who is neither admin nor one of its reviewers.</summary>
    public static IResult DraftRefusal(Caller? caller) => Problems.Result(Problems.Of(caller is null ? 401 : 403, "report.draft",
        "The report is a draft: only its reviewers and admins may read it."));

    internal static ReviewTotals Totals(IReadOnlyList<CommitmentReview> entries)
    {
        var yes = Rated.Of(true);
        return new(entries.Count, entries.Count(e => e.Starred == yes), entries.Count(e => e.Verifiable == yes),
            entries.Count(e => e.HighAmbition == yes), entries.Count(e => e.HighCompletion == yes), entries.Count(e => e.CompletionDisagreement));
    }

    /// <summary>Each commitment of the report: its milestones as of the cutoff beside the assessments so far (the API's workbench read, and the reviewer's pages).</summary>
    public static IReadOnlyList<WorkbenchEntry> Workbench(ReviewInputs inputs)
    {
        var cutoff = inputs.Report.Cutoff;
        var panels = ReviewSheet.Panels(inputs.Report);
        return inputs.Commitments.OrderBy(c => c.Code).Select(c =>
        {
            var milestones = inputs.Milestones.Where(m => m.CommitmentId == c.Id).OrderBy(m => m.Number).ToList();
            var facts = ReviewSheet.Facts(c, milestones, inputs.ProgressByMilestone, inputs.InstitutionNames, cutoff, null);
            var atCutoff = milestones.Select(m =>
            {
                var history = inputs.ProgressByMilestone[m.Id].Where(p => p.AsOf <= cutoff).ToList();
                return new MilestoneAtCutoff(m.Id, m.Number, m.Text, m.PlannedEnd, m.Withdrawn,
                    Overdue.IsOverdue(m.PlannedEnd, history.LastOrDefault()?.Level, m.Withdrawn, cutoff), history.LastOrDefault(), history);
            }).ToList();
            return new WorkbenchEntry(c.Id, c.Code, c.Text.Title, facts.LeadInstitution, facts.ComputedCompletion, facts.ComputedOnTime, atCutoff,
                inputs.Report.Assessments.Where(a => a.CommitmentId == c.Id).ToList(),
                panels.GetValueOrDefault(c.Id) ?? Panel.Empty);
        }).ToList();
    }
}
