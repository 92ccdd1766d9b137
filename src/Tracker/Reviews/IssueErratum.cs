using JasperFx;
using Tracker.Infrastructure;
using Tracker.Ratings;
using Wolverine.Marten;

namespace Tracker.Reviews;

/// <summary>Body of <c>POST /api/plans/{planId}/reviews/{kind}/errata</c>.</summary>
public sealed record IssueErratumRequest(Guid? CommitmentId, Indicator? Indicator, RatingState? State, string? Value, string? Reason)
{
    /// <summary>The shape of an erratum (the API's JSON and the point of contact's form both), and the score it names.</summary>
    // Here, not on the handler class: Wolverine takes a handler class's Validate methods for middleware of its commands.
    public FieldErrors ShapeErrors(out Score? score)
    {
        var state = State ?? RatingState.Assessed;
        var errors = new FieldErrors().Required("commitmentId", CommitmentId).Required("indicator", Indicator)
            .Text("reason", Reason, max: 5_000);
        score = Indicator is { } indicator ? ReviewRoutes.ScoreOf(errors, indicator, state, Value) : null;
        return errors;
    }
}

/// <summary>Corrects one published rating, with the reason.</summary>
public sealed record IssueErratum([property: Identity] Guid ReportId, Guid CommitmentId, Score Score, string Reason,
    long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides an erratum.</summary>
public static class IssueErratumHandler
{
    /// <summary>Only an admin corrects, only a published report, only a commitment it rated.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(IssueErratum command, ReviewReport report, TimeProvider clock)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(report.Id, report.Version, command.ExpectedVersion);
        if (report.Status != ReportStatus.Published)
            throw new TrackerRuleBroken("report.not_published", "Errata correct published reports; a draft is simply re-assessed.", RuleKind.Conflict);
        if (report.Published.All(r => r.CommitmentId != command.CommitmentId))
            throw TrackerRuleBroken.InvalidField("commitmentId", "commitment.not_in_report", "The report rated no commitment with this id.");
        var entry = report.Published.First(r => r.CommitmentId == command.CommitmentId);
        if (!ReviewMethods.Indicators(report.Kind).Contains(command.Score.Indicator))
            throw TrackerRuleBroken.InvalidField("indicator", "review.indicator_not_in_method",
                $"A {report.Kind} report assesses {string.Join(", ", ReviewMethods.Indicators(report.Kind))}.");
        // An erratum is a public correction: one that leaves the final value as it is would announce a change that is not.
        if (entry.Panel.TryGetValue(command.Score.Indicator, out var current) && current.IsFinal && current.Value == command.Score)
            throw TrackerRuleBroken.InvalidField("value", "erratum.changes_nothing",
                $"The report already gives {command.Score.Indicator} this final value: an erratum must change it.");
        var corrected = entry.Corrected(command.Score, report.Kind, report.StarRule);
        return (new UpdatedAggregate(), [new ErratumIssued(report.Id, report.PlanId, command.CommitmentId, command.Score,
            command.Reason, command.Caller.UserId, clock.GetUtcNow(), corrected)]);
    }

    /// <summary>Maps <c>POST /api/plans/{planId}/reviews/{kind}/errata</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ReviewRoutes.Group + "/errata", static async (Guid planId, string kind, IssueErratumRequest body, HttpContext http) =>
            {
                var errors = body.ShapeErrors(out var score);
                if (errors.Any) return errors.Problem();
                return await ReviewRoutes.Write(http, planId, kind, (id, _, expected) => new IssueErratum(id, body.CommitmentId!.Value,
                    score!, body.Reason!.Trim(), expected, http.Caller()));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithTags("Reviews").WithName("IssueErratum")
            .WithRequestExample("""{"commitmentId":"0195f0a2-7c1e-7000-8000-000000000003","indicator":"PotentialImpact","value":"Minor","reason":"Transcription error in the published table"}""").WithSummary("Correct a published rating (an erratum, with its reason)")
            .Produces<ReportSummary>().ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
