using JasperFx;
using Marten;
using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Reviews;

/// <summary>Publishes a report: freezes every rating as it stands, with the event sequence it was computed from.</summary>
public sealed record PublishReviewReport([property: Identity] Guid ReportId, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides a publication.</summary>
public static class PublishReviewReportHandler
{
    /// <summary>Only an admin publishes, after public comment (imported historical reports go straight from draft).</summary>
    [AggregateHandler]
    public static async Task<(UpdatedAggregate, Events)> Handle(PublishReviewReport command, ReviewReport report, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(report.Id, report.Version, command.ExpectedVersion);
        report.EnsureNotPublished();
        if (report.Status != ReportStatus.PublicComment && !report.Imported)
            throw new TrackerRuleBroken("report.not_commented", "A report is published after its public comment.", RuleKind.Conflict);
        return (new UpdatedAggregate(), [await Freeze(session, report, command.Caller.UserId, clock.GetUtcNow(), ct)]);
    }

    /// <summary>The publication event of <paramref name="report"/>: its sheet computed now, and the latest event it saw (the OGP import publishes through it too).</summary>
    public static async Task<ReviewReportPublished> Freeze(IQuerySession session, ReviewReport report, string by, DateTimeOffset at, CancellationToken ct)
    {
        var inputs = await ReviewInputsLoader.LoadAsync(session, report.PlanId, report.Kind, ct)
                     ?? throw TrackerRuleBroken.NotFound("plan", report.PlanId);
        inputs = inputs with { Report = report };
        // The frozen sheet reflects every event up to this sequence (the highest, read through the primary key).
        var sequence = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Select(e => e.Sequence)
            .FirstOrDefaultAsync(ct);
        return new ReviewReportPublished(report.Id, report.PlanId, ReviewSheet.Build(inputs), sequence, by, at);
    }

    /// <summary>Maps <c>POST /api/plans/{planId}/reviews/{kind}/publication</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ReviewRoutes.Group + "/publication", static (Guid planId, string kind, HttpContext http) =>
                ReviewRoutes.Write(http, planId, kind, (id, _, expected) => new PublishReviewReport(id, expected, http.Caller())))
            .RequireAuthorization(Authentication.Admin)
            .WithTags("Reviews").WithName("PublishReviewReport").WithSummary("Publish a report: its ratings are frozen from then on")
            .Produces<ReportSummary>().ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
