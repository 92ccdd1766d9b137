using Marten;
using Tracker.Infrastructure;
using Tracker.Plans;
using Tracker.Ratings;
using Wolverine.Marten;

namespace Tracker.Reviews;

/// <summary>Body of <c>POST /api/plans/{planId}/reviews/{kind}</c>.</summary>
/// <param name="Cutoff">Events up to this day count; default: the plan's midterm cutoff, or its end for end of term.</param>
/// <param name="StarRule">Irm2015 (default, the IRM's current formula) or Irm2014.</param>
public sealed record OpenReviewReportRequest(DateOnly? Cutoff, StarRule? StarRule);

/// <summary>Where a report's assessments come from.</summary>
public enum ReportOrigin
{
    /// <summary>Assigned reviewers assess it in Tracker, through draft, public comment and publication.</summary>
    Tracker,
    /// <summary>
    /// The IRM's published values, brought in by the OGP import: history written after the fact, so its assessments are
    /// recorded from the IRM's data rather than by an assigned reviewer, and it is published straight from draft.
    /// </summary>
    ImportedIrmPublication,
}

/// <summary>Opens a plan's review report of a kind: starts its stream.</summary>
public sealed record OpenReviewReport(Guid ReportId, Guid PlanId, ReportKind Kind, DateOnly? Cutoff, StarRule StarRule, Caller Caller,
    ReportOrigin Origin = ReportOrigin.Tracker) : ITrackerCommand;

/// <summary>What the opening of a report is decided against.</summary>
public sealed record ReportOpeningContext(Plan? Plan, ReviewReport? Existing);

/// <summary>Decides the opening of a report.</summary>
public static class OpenReviewReportHandler
{
    /// <summary>Loads the plan and any report of that plan and kind.</summary>
    public static async Task<ReportOpeningContext> LoadAsync(OpenReviewReport command, IQuerySession session, CancellationToken ct) =>
        new(await session.LoadAsync<Plan>(command.PlanId, ct), await session.LoadAsync<ReviewReport>(command.ReportId, ct));

    /// <summary>Only an admin opens a report, once per plan and kind, with a cutoff no earlier than the plan's start.</summary>
    public static ReviewReportOpened Decide(OpenReviewReport command, ReportOpeningContext context, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        var plan = context.Plan ?? throw TrackerRuleBroken.NotFound("plan", command.PlanId);
        if (context.Existing is not null)
            throw new TrackerRuleBroken("report.exists", $"The plan already has a {command.Kind} report.", RuleKind.Conflict);
        var cutoff = command.Cutoff ?? command.Kind switch
        {
            ReportKind.Midterm => plan.MidtermCutoff,
            ReportKind.ActionPlanReview => plan.PeriodStart,
            _ => plan.PeriodEnd,
        };
        if (cutoff < plan.PeriodStart)
            throw TrackerRuleBroken.InvalidField("cutoff", "date.outside_plan", $"The cutoff cannot be before the plan starts ({plan.PeriodStart:yyyy-MM-dd}).");
        return new ReviewReportOpened(command.ReportId, plan.Id, command.Kind, cutoff, command.StarRule,
            command.Origin == ReportOrigin.ImportedIrmPublication, command.Caller.UserId, now);
    }

    /// <summary>Starts the report's stream with the decided opening.</summary>
    public static (StreamStarted, IStartStream) Handle(OpenReviewReport command, ReportOpeningContext context, TimeProvider clock) =>
        (new StreamStarted(command.ReportId, 1), MartenOps.StartStream<ReviewReport>(command.ReportId, Decide(command, context, clock.GetUtcNow())));

    /// <summary>Maps <c>POST /api/plans/{planId}/reviews/{kind}</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ReviewRoutes.Group, static async (Guid planId, string kind, OpenReviewReportRequest body, HttpContext http) =>
            {
                if (!ReviewRoutes.TryKind(kind, out var reportKind, out var problem)) return problem!;
                var command = new OpenReviewReport(ReviewReport.IdFor(planId, reportKind), planId, reportKind, body.Cutoff,
                    body.StarRule ?? StarRule.Irm2015, http.Caller());
                return await Writes.Send<StreamStarted>(http, command,
                    started => new WriteResult(201, started, started.Version, ReviewRoutes.Location(planId, reportKind)));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithTags("Reviews").WithName("OpenReviewReport")
            .WithRequestExample("""{"cutoff":"2017-06-30","starRule":"Irm2015"}""").WithSummary("Open a plan's midterm or end-of-term review report")
            .Produces<StreamStarted>(201).ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
