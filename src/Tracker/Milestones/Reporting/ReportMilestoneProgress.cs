using Marten;
using Tracker.Infrastructure;
using Tracker.Ratings;
using Wolverine.Marten;

namespace Tracker.Milestones.Reporting;

/// <summary>One evidence link in a progress report.</summary>
/// <param name="Visibility">Public (default) or Private: private links are never shown to the public.</param>
public sealed record EvidenceRequest(string? Title, string? Url, EvidenceVisibility? Visibility);

/// <summary>Body of <c>POST /api/milestones/{milestoneId}/progress</c>.</summary>
/// <param name="Level">NotStarted, Limited, Substantial or Complete.</param>
/// <param name="Percent">Optional percentage done, 0 to 100.</param>
/// <param name="Narrative">What was done, in the ministry's words.</param>
/// <param name="AsOf">The day the progress is as of (default: today); not in the future, not before the plan starts.</param>
public sealed record ReportProgressRequest(ProgressLevel? Level, int? Percent, string? Narrative, IReadOnlyList<EvidenceRequest>? Evidence, DateOnly? AsOf);

/// <summary>Reports a milestone's progress.</summary>
public sealed record ReportMilestoneProgress(Guid MilestoneId, ProgressLevel Level, int? Percent, string Narrative,
    IReadOnlyList<Evidence> Evidence, DateOnly? AsOf, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Decides a progress report.</summary>
public static class ReportMilestoneProgressHandler
{
    /// <summary>Loads the commitment and plan the report is decided against (Wolverine passes the fetched milestone).</summary>
    public static Task<MilestoneContext> LoadAsync(Milestone milestone, IQuerySession session, CancellationToken ct) =>
        MilestoneContext.OfAsync(session, milestone, ct);

    /// <summary>Only the lead institution's staff report, on a live milestone, as of a day within the plan and not in the future.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(ReportMilestoneProgress command, Milestone milestone, MilestoneContext context, TimeProvider clock)
    {
        var reported = Decide(command, milestone, context, clock.GetUtcNow());
        // Where the plan asks for approval the report waits for the point of contact; only an approval reports it.
        return (new UpdatedAggregate(), [context.Plan.ProgressApprovalRequired ? Submit(reported, milestone.Submissions.Count + 1) : reported]);
    }

    /// <summary>The decided report, sent for approval instead of reported.</summary>
    public static MilestoneProgressSubmitted Submit(MilestoneProgressReported r, int number) => new(r.MilestoneId, r.CommitmentId, r.PlanId, number,
        r.Level, r.Percent, r.Narrative, r.Evidence, r.AsOf, r.ReportedBy, r.ReportedForInstitutionId, r.ReportedAt);

    /// <summary>The decision itself, pure: the demo loader reports through it as the lead institution's staff.</summary>
    public static MilestoneProgressReported Decide(ReportMilestoneProgress command, Milestone milestone, MilestoneContext context, DateTimeOffset now)
    {
        context.EnsureLeadWrite(milestone, command.Caller, command.ExpectedVersion);
        var asOf = command.AsOf ?? DateOnly.FromDateTime(now.UtcDateTime);
        if (asOf > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
            throw TrackerRuleBroken.InvalidField("asOf", "date.future", "Progress cannot be reported as of a future day.");
        if (asOf < context.Plan.PeriodStart)
            throw TrackerRuleBroken.InvalidField("asOf", "date.outside_plan", $"Progress cannot be as of a day before the plan starts ({context.Plan.PeriodStart:yyyy-MM-dd}).");

        return new MilestoneProgressReported(milestone.Id, milestone.CommitmentId, milestone.PlanId, command.Level, command.Percent,
            command.Narrative, command.Evidence, asOf, command.Caller.UserId, command.Caller.InstitutionId, now);
    }

    /// <summary>The shape checks of a report, the same for the API's JSON and the workbench's form (fields named alike).</summary>
    public static FieldErrors ShapeErrors(ReportProgressRequest body)
    {
        var errors = new FieldErrors()
            .Required("level", body.Level)
            .Text("narrative", body.Narrative, max: 10_000)
            .Check("percent", body.Percent is null or (>= 0 and <= 100), "Must be between 0 and 100.")
            .Check("percent", !(body.Level == ProgressLevel.Complete && body.Percent is < 100), "A complete milestone is 100 percent done.")
            .Check("percent", !(body.Level == ProgressLevel.NotStarted && body.Percent is > 0), "A milestone not started is 0 percent done.")
            .Count("evidence", body.Evidence, max: 20);
        foreach (var (item, index) in (body.Evidence ?? []).Select((e, i) => (e, i)))
        {
            if (item is null) { errors.Check($"evidence[{index}]", false, "An evidence item is required."); continue; }
            errors.Text($"evidence[{index}].title", item.Title, max: 300).Url($"evidence[{index}].url", item.Url, required: true);
        }
        return errors;
    }

    /// <summary>The command of a request that passed <see cref="ShapeErrors"/>.</summary>
    public static ReportMilestoneProgress Command(Guid milestoneId, ReportProgressRequest body, long? expectedVersion, Caller caller) =>
        new(milestoneId, body.Level!.Value, body.Percent, body.Narrative!.Trim(),
            (body.Evidence ?? []).Select(e => new Evidence(e!.Title!.Trim(), e.Url!, e.Visibility ?? EvidenceVisibility.Public)).ToList(),
            body.AsOf, expectedVersion, caller);

    /// <summary>Maps <c>POST /api/milestones/{milestoneId}/progress</c>.</summary>
    public static void Map(RouteGroupBuilder milestones) =>
        milestones.MapPost("/{milestoneId:guid}/progress", static async (Guid milestoneId, ReportProgressRequest body, HttpContext http) =>
            {
                var errors = ShapeErrors(body);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Milestone>(http, expected => Command(milestoneId, body, expected, http.Caller()),
                    m => new WriteResult(200, MilestoneSummary.Of(m, http.Today()), m.Version, $"/api/milestones/{m.Id}"));
            })
            .RequireAuthorization(Authentication.Ministry)
            .WithName("ReportMilestoneProgress")
            .WithRequestExample("""{"level":"Limited","percent":55,"asOf":"2017-06-30","narrative":"Six out of 11 tranches attended the course.","evidence":[{"title":"Self-assessment report","url":"https://www.opengovpartnership.org/documents/netherlands-mid-term-self-assessment-2016-2018/","visibility":"Public"}]}""")
            .WithSummary("Report a milestone's progress, with evidence (lead institution's staff only)")
            .Produces<MilestoneSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
