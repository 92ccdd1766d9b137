using JasperFx;
using Marten;
using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Reviews;

/// <summary>Publishes a report: freezes every rating as it stands, with the event sequence it was computed from.</summary>
public sealed record PublishReviewReport([property: Identity] Guid ReportId, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>What a publication freezes: the review's inputs (null when the plan is gone) and the last event sequence they reflect.</summary>
public sealed record PublicationInputs(ReviewInputs? Inputs, long LastSequence);

/// <summary>Decides a publication.</summary>
public static class PublishReviewReportHandler
{
    /// <summary>Loads what the sheet is computed from, and the latest event sequence it reflects.</summary>
    public static async Task<PublicationInputs> LoadAsync(PublishReviewReport command, IQuerySession session, CancellationToken ct)
    {
        var report = await session.LoadAsync<ReviewReport>(command.ReportId, ct);
        var inputs = report is null ? null : await ReviewInputsLoader.LoadAsync(session, report.PlanId, report.Kind, ct);
        // The frozen sheet reflects every event up to this sequence (the highest, read through the primary key).
        var sequence = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Select(e => e.Sequence)
            .FirstOrDefaultAsync(ct);
        return new PublicationInputs(inputs, sequence);
    }

    /// <summary>
    /// Only an admin publishes, after public comment (imported historical reports go straight from draft): the sheet as
    /// it stands is frozen into the event, with the last sequence it saw. The OGP import publishes through this too.
    /// </summary>
    public static ReviewReportPublished Decide(PublishReviewReport command, ReviewReport report, PublicationInputs loaded, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(report.Id, report.Version, command.ExpectedVersion);
        report.EnsureNotPublished();
        if (report.Status != ReportStatus.PublicComment && !report.Imported)
            throw new TrackerRuleBroken("report.not_commented", "A report is published after its public comment.", RuleKind.Conflict);
        // Published before its window opened, it would have been sent to a comment nobody could make.
        if (report.Status == ReportStatus.PublicComment && report.CommentsOpen is { } opens && DateOnly.FromDateTime(now.UtcDateTime) < opens)
            throw new TrackerRuleBroken("report.comments_not_open",
                $"Its public comment opens on {opens:yyyy-MM-dd}: publish it once the public could comment.", RuleKind.Conflict);
        var inputs = loaded.Inputs ?? throw TrackerRuleBroken.NotFound("plan", report.PlanId);
        return new ReviewReportPublished(report.Id, report.PlanId, ReviewSheet.Build(inputs with { Report = report }), loaded.LastSequence,
            command.Caller.UserId, now);
    }

    /// <summary>Appends the decided publication.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(PublishReviewReport command, ReviewReport report, PublicationInputs loaded, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, report, loaded, clock.GetUtcNow())]);

    /// <summary>Maps <c>POST /api/plans/{planId}/reviews/{kind}/publication</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ReviewRoutes.Group + "/publication", static (Guid planId, string kind, HttpContext http) =>
                ReviewRoutes.Write(http, planId, kind, (id, _, expected) => new PublishReviewReport(id, expected, http.Caller())))
            .RequireAuthorization(Authentication.Admin)
            .WithTags("Reviews").WithName("PublishReviewReport").WithSummary("Publish a report: its ratings are frozen from then on")
            .Produces<ReportSummary>().ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
