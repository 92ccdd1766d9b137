using JasperFx;
using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Wolverine.Marten;

namespace Tracker.Reviews;

/// <summary>Body of <c>POST /api/plans/{planId}/reviews/{kind}/reviewers</c>.</summary>
/// <param name="ReviewerId">The reviewer's user id (the <c>sub</c> of their token).</param>
/// <param name="InstitutionId">An institution the reviewer belongs to, if any: they may not assess what it leads.</param>
/// <param name="IsLead">
/// The lead reviewer records the panel's final values; a report has one. Omitted: a reviewer already assigned keeps their
/// role (so correcting a name demotes no lead), a new one is not the lead.
/// </param>
public sealed partial record AssignReviewerRequest(string? ReviewerId, string? Name, Guid? InstitutionId, bool? IsLead)
{
    /// <summary>The shape of a request (the API's JSON and the point of contact's form both): the fields it names wrongly.</summary>
    // Here, not on the handler class: Wolverine takes a handler class's Validate methods for middleware of its commands.
    public FieldErrors ShapeErrors() =>
        new FieldErrors().Text("reviewerId", ReviewerId, max: 200).Text("name", Name, max: 200)
            .Check("reviewerId", ReviewerId is null || ReviewerIdPattern().IsMatch(ReviewerId),
                "A user id: letters, digits and . _ @ : - only (it is shown publicly beside the reviewer's values).")
            .Check("name", Name is null || !Name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format),
                "Control and direction characters are not allowed in a name shown publicly.");

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9._@:\-]{1,200}$")]
    private static partial System.Text.RegularExpressions.Regex ReviewerIdPattern();
}

/// <summary>Assigns an independent reviewer to a report (<paramref name="IsLead"/> null: as assigned now, or not the lead).</summary>
public sealed record AssignReviewer([property: Identity] Guid ReportId, string ReviewerId, string Name, Guid? InstitutionId, bool? IsLead, long? ExpectedVersion, Caller Caller)
    : ITrackerCommand;

/// <summary>Decides an assignment.</summary>
public static partial class AssignReviewerHandler
{
    /// <summary>Loads the institution the reviewer is said to belong to, if one is named.</summary>
    public static async Task<Institution?> LoadAsync(AssignReviewer command, IQuerySession session, CancellationToken ct) =>
        command.InstitutionId is { } id ? await session.LoadAsync<Institution>(id, ct) : null;

    /// <summary>
    /// Only an admin assigns, before publication, naming an institution that exists if any; a report has at most one
    /// lead; the same assignment again appends nothing.
    /// </summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(AssignReviewer command, ReviewReport report, Institution? institution, TimeProvider clock) =>
        (new UpdatedAggregate(), Decide(command, report, institution, clock.GetUtcNow()));

    /// <summary>The decision itself, pure.</summary>
    public static Events Decide(AssignReviewer command, ReviewReport report, Institution? institution, DateTimeOffset now)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(report.Id, report.Version, command.ExpectedVersion);
        report.EnsureNotPublished();
        // The institution decides which commitments the reviewer may not assess: an id that names none would protect nothing.
        if (command.InstitutionId is { } institutionId && institution?.Id != institutionId)
            throw TrackerRuleBroken.InvalidField("institutionId", "institution.not_found", $"No institution with id '{institutionId}'.");
        var assigned = report.ReviewerWithId(command.ReviewerId);
        var isLead = command.IsLead ?? assigned?.IsLead ?? false;
        if (isLead && report.Reviewers.FirstOrDefault(r => r.IsLead && r.ReviewerId != command.ReviewerId) is { } lead)
            throw new TrackerRuleBroken("review.lead_taken", $"{lead.Name} already leads this report.", RuleKind.Conflict, "isLead");
        if (assigned == new Reviewer(command.ReviewerId, command.Name, command.InstitutionId, isLead))
            return [];
        return [new ReviewerAssigned(report.Id, report.PlanId, command.ReviewerId, command.Name, command.InstitutionId,
            isLead, command.Caller.UserId, now)];
    }

    /// <summary>Maps <c>POST /api/plans/{planId}/reviews/{kind}/reviewers</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(ReviewRoutes.Group + "/reviewers", static async (Guid planId, string kind, AssignReviewerRequest body, HttpContext http) =>
            {
                var errors = body.ShapeErrors();
                if (errors.Any) return errors.Problem();
                return await ReviewRoutes.Write(http, planId, kind, (id, _, expected) =>
                    new AssignReviewer(id, body.ReviewerId!.Trim(), body.Name!.Trim(), body.InstitutionId, body.IsLead, expected, http.Caller()));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithTags("Reviews").WithName("AssignReviewer")
            .WithRequestExample("""{"reviewerId":"irm-researcher-nl","name":"IRM researcher","isLead":true}""").WithSummary("Assign an independent reviewer to a report")
            .Produces<ReportSummary>().ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
