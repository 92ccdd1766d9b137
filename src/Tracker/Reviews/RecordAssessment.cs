using JasperFx;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Ratings;
using Wolverine.Marten;

namespace Tracker.Reviews;

/// <summary>Body of <c>POST /api/plans/{planId}/reviews/{kind}/assessments</c>.</summary>
/// <param name="CommitmentId">The commitment assessed (one of the plan's).</param>
/// <param name="Indicator">
/// Midterm and end of term: Specificity, Verifiable, Relevance, Relevant, PotentialImpact, Completion, OnTime (and at end of term
/// DidItOpenGovernment, Diog…). Action Plan Review: Verifiable, OpenGovernmentLens, PotentialForResults, Promising.
/// Results Report: ResultsCompletion, EarlyResults.
/// </param>
/// <param name="State">Assessed (default), NotAssessed or NotApplicable.</param>
/// <param name="Value">The level (e.g. "Medium"), "Yes"/"No", or for Relevance a comma-separated list of OGP values.</param>
/// <param name="IsFinal">The lead reviewer's final value for the panel.</param>
public sealed record RecordAssessmentRequest(Guid? CommitmentId, Indicator? Indicator, RatingState? State, string? Value, string? Rationale, bool? IsFinal)
{
    /// <summary>The shape of an assessment (the API's JSON and the reviewer's form both), and the score it names.</summary>
    // Here, not on the handler class: Wolverine takes a handler class's Validate methods for middleware of its commands.
    public FieldErrors ShapeErrors(out Score? score)
    {
        var state = State ?? RatingState.Assessed;
        var errors = new FieldErrors().Required("commitmentId", CommitmentId).Required("indicator", Indicator)
            .OptionalText("rationale", Rationale, max: 20_000).OptionalText("value", Value, max: 200);
        score = errors.Any ? null : ReviewRoutes.ScoreOf(errors, Indicator!.Value, state, Value);
        return errors;
    }
}

/// <summary>Records a reviewer's assessment of one indicator of one commitment.</summary>
/// <param name="Origin">
/// <see cref="ReportOrigin.ImportedIrmPublication"/> only for the OGP import: an admin records the IRM's published value as the
/// panel's final value (reviewer <see cref="RecordAssessmentHandler.ImportedReviewerId"/>), in an imported report only.
/// </param>
public sealed record RecordAssessment([property: Identity] Guid ReportId, Guid CommitmentId, Score Score,
    string? Rationale, bool IsFinal, long? ExpectedVersion, Caller Caller, ReportOrigin Origin = ReportOrigin.Tracker) : ITrackerCommand;

/// <summary>Decides an assessment.</summary>
public static class RecordAssessmentHandler
{
    /// <summary>Who the IRM's published values are recorded as, by the OGP import.</summary>
    public const string ImportedReviewerId = "irm-import";

    /// <summary>Loads the commitment assessed.</summary>
    public static Task<Commitment?> LoadAsync(RecordAssessment command, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<Commitment>(command.CommitmentId, ct);

    /// <summary>
    /// An assigned reviewer records, while the report is a draft, on a commitment of the plan that no institution of
    /// theirs leads; only the lead reviewer records final values. The import records the IRM's published values as
    /// final, into an imported report, as an admin.
    /// </summary>
    public static AssessmentRecorded Decide(RecordAssessment command, ReviewReport report, Commitment? commitment, DateTimeOffset now)
    {
        var caller = command.Caller;
        var (reviewerId, reviewerInstitution, isFinal) = command.Origin == ReportOrigin.ImportedIrmPublication
            ? ImportedValue(caller, report)
            : AssignedReviewer(command, report);
        report.EnsureNotPublished();
        if (report.Status != ReportStatus.Draft)
            throw new TrackerRuleBroken("report.not_draft", "Assessments are recorded while the report is a draft.", RuleKind.Conflict);
        StaleVersion.Check(report.Id, report.Version, command.ExpectedVersion);
        var indicator = command.Score.Indicator;
        if (report.Kind == ReportKind.Midterm && ReviewMethods.Indicators(ReportKind.EndOfTerm).Contains(indicator)
            && !ReviewMethods.Indicators(ReportKind.Midterm).Contains(indicator))
            throw TrackerRuleBroken.InvalidField("indicator", "review.indicator_end_of_term", "\"Did it open government?\" is assessed at end of term.");
        if (!ReviewMethods.Indicators(report.Kind).Contains(indicator))
            throw TrackerRuleBroken.InvalidField("indicator", "review.indicator_not_in_method",
                $"A {report.Kind} report assesses {string.Join(", ", ReviewMethods.Indicators(report.Kind))}.");
        if (commitment is null || commitment.PlanId != report.PlanId)
            throw TrackerRuleBroken.InvalidField("commitmentId", "commitment.not_in_plan", "No commitment with this id in the report's plan.");
        if (commitment.IsLedByInstitution(reviewerInstitution) || caller.Role == TrackerRole.Reviewer && commitment.IsLedByInstitution(caller.InstitutionId))
            throw TrackerRuleBroken.Forbidden("review.conflict_of_interest", $"You belong to the institution that leads {commitment.Code}.");

        return new AssessmentRecorded(report.Id, report.PlanId, commitment.Id, command.Score, command.Rationale, reviewerId, isFinal, now);
    }

    private static (string ReviewerId, Guid? Institution, bool IsFinal) AssignedReviewer(RecordAssessment command, ReviewReport report)
    {
        command.Caller.MustBe(TrackerRole.Reviewer);
        var reviewer = report.ReviewerWithId(command.Caller.UserId)
            ?? throw TrackerRuleBroken.Forbidden("review.not_assigned", "You are not assigned to this report.");
        if (command.IsFinal && !reviewer.IsLead)
            throw TrackerRuleBroken.Forbidden("review.not_lead", "Only the lead reviewer records final values.");
        return (reviewer.ReviewerId, reviewer.InstitutionId, command.IsFinal);
    }

    private static (string ReviewerId, Guid? Institution, bool IsFinal) ImportedValue(Caller caller, ReviewReport report)
    {
        caller.MustBe(TrackerRole.Admin);
        if (!report.Imported)
            throw new TrackerRuleBroken("review.not_imported", "The IRM's published values go into imported reports only.", RuleKind.Conflict);
        return (ImportedReviewerId, null, true);
    }

    /// <summary>Appends the decided assessment.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(RecordAssessment command, ReviewReport report, Commitment? commitment, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, report, commitment, clock.GetUtcNow())]);

    /// <summary>Maps <c>POST /api/plans/{planId}/reviews/{kind}/assessments</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ReviewRoutes.Group + "/assessments", static async (Guid planId, string kind, RecordAssessmentRequest body, HttpContext http) =>
            {
                var errors = body.ShapeErrors(out var score);
                if (errors.Any) return errors.Problem();
                return await ReviewRoutes.Write(http, planId, kind, (id, _, expected) => new RecordAssessment(id, body.CommitmentId!.Value,
                    score!, body.Rationale, body.IsFinal ?? false, expected, http.Caller()));
            })
            .RequireAuthorization(Authentication.Reviewer)
            .WithTags("Reviews").WithName("RecordAssessment")
            .WithRequestExample("""{"commitmentId":"0195f0a2-7c1e-7000-8000-000000000003","indicator":"Specificity","value":"Low","rationale":"The text does not say what the training covers."}""").WithSummary("Record an assessment (assigned reviewers, while the report is a draft)")
            .Produces<ReportSummary>().ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
