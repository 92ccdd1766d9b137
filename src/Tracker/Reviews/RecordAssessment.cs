using JasperFx;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Ratings;
using Wolverine.Marten;

namespace Tracker.Reviews;

/// <summary>Body of <c>POST /api/plans/{planId}/reviews/{kind}/assessments</c>.</summary>
/// <param name="CommitmentId">The commitment assessed (one of the plan's).</param>
/// <param name="Indicator">Specificity, Relevance, Relevant, PotentialImpact, Completion, OnTime, DidItOpenGovernment, Diog…</param>
/// <param name="State">Assessed (default), NotAssessed or NotApplicable.</param>
/// <param name="Value">The level (e.g. "Medium"), "Yes"/"No", or for Relevance a comma-separated list of OGP values.</param>
/// <param name="IsFinal">The lead reviewer's final value for the panel.</param>
public sealed record RecordAssessmentRequest(Guid? CommitmentId, Indicator? Indicator, RatingState? State, string? Value, string? Rationale, bool? IsFinal);

/// <summary>Records a reviewer's assessment of one indicator of one commitment.</summary>
public sealed record RecordAssessment([property: Identity] Guid ReportId, Guid CommitmentId, Indicator Indicator, RatingState State, string? Value,
    string? Rationale, bool IsFinal, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides an assessment.</summary>
public static class RecordAssessmentHandler
{
    private static readonly Indicator[] EndOfTermOnly =
        [Indicator.DidItOpenGovernment, Indicator.DiogAccessToInformation, Indicator.DiogCivicParticipation, Indicator.DiogPublicAccountability];

    /// <summary>
    /// An assigned reviewer records, while the report is a draft, on a commitment of the plan that no institution of
    /// theirs leads; only the lead reviewer records final values.
    /// </summary>
    [AggregateHandler]
    public static async Task<(UpdatedAggregate, Events)> Handle(RecordAssessment command, ReviewReport report, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        var caller = command.Caller;
        caller.MustBe(TrackerRole.Reviewer);
        var reviewer = report.ReviewerWithId(caller.UserId)
            ?? throw TrackerRuleBroken.Forbidden("review.not_assigned", "You are not assigned to this report.");
        report.EnsureNotPublished();
        if (report.Status != ReportStatus.Draft)
            throw new TrackerRuleBroken("report.not_draft", "Assessments are recorded while the report is a draft.", RuleKind.Conflict);
        StaleVersion.Check(report.Id, report.Version, command.ExpectedVersion);
        if (command.IsFinal && !reviewer.IsLead)
            throw TrackerRuleBroken.Forbidden("review.not_lead", "Only the lead reviewer records final values.");
        if (report.Kind == ReportKind.Midterm && EndOfTermOnly.Contains(command.Indicator))
            throw TrackerRuleBroken.InvalidField("indicator", "review.indicator_end_of_term", "\"Did it open government?\" is assessed at end of term.");

        var commitment = await session.LoadAsync<Commitment>(command.CommitmentId, ct);
        if (commitment is null || commitment.PlanId != report.PlanId)
            throw TrackerRuleBroken.InvalidField("commitmentId", "commitment.not_in_plan", "No commitment with this id in the report's plan.");
        if (commitment.Text.LeadInstitutionId == reviewer.InstitutionId || commitment.Text.LeadInstitutionId == caller.InstitutionId)
            throw TrackerRuleBroken.Forbidden("review.conflict_of_interest", $"You belong to the institution that leads {commitment.Code}.");

        return (new UpdatedAggregate(), [new AssessmentRecorded(report.Id, report.PlanId, commitment.Id, command.Indicator, command.State,
            command.Value, command.Rationale, caller.UserId, command.IsFinal, clock.GetUtcNow())]);
    }

    /// <summary>Maps <c>POST /api/plans/{planId}/reviews/{kind}/assessments</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ReviewRoutes.Group + "/assessments", static async (Guid planId, string kind, RecordAssessmentRequest body, HttpContext http) =>
            {
                var state = body.State ?? RatingState.Assessed;
                var errors = new FieldErrors().Required("commitmentId", body.CommitmentId).Required("indicator", body.Indicator)
                    .OptionalText("rationale", body.Rationale, max: 20_000).OptionalText("value", body.Value, max: 200);
                string? value = null;
                if (state == RatingState.Assessed && body.Indicator is { } indicator && !errors.Any)
                {
                    if (body.Value is null) errors.Check("value", false, "An assessed indicator needs a value.");
                    else
                    {
                        value = RatingText.Normalise(indicator, body.Value, out var problem);
                        errors.Check("value", value is not null, problem ?? "");
                    }
                }
                if (errors.Any) return errors.Problem();
                return await ReviewRoutes.Write(http, planId, kind, (id, _, expected) => new RecordAssessment(id, body.CommitmentId!.Value,
                    body.Indicator!.Value, state, value, body.Rationale, body.IsFinal ?? false, expected, http.Caller()));
            })
            .RequireAuthorization(Authentication.Reviewer)
            .WithTags("Reviews").WithName("RecordAssessment").WithSummary("Record an assessment (assigned reviewers, while the report is a draft)")
            .Produces<ReportSummary>().ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
