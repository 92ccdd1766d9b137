using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Milestones.Reporting;

/// <summary>Body of <c>POST /api/milestones/{milestoneId}/submissions/{submission}/sent-back</c>.</summary>
/// <param name="Reason">What the lead institution must change; it reads this on its workbench.</param>
public sealed record SendBackProgressRequest(string? Reason);

/// <summary>Approves a submitted progress report: it becomes public.</summary>
public sealed record ApproveMilestoneProgress(Guid MilestoneId, int Submission, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Sends a submitted progress report back to the lead institution, with the reason.</summary>
public sealed record SendBackMilestoneProgress(Guid MilestoneId, int Submission, string Reason, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>
/// The checker's side of maker–checker (as Akvo RSR does it): the point of contact approves a submitted report, which is
/// then reported (a <see cref="MilestoneProgressReported"/>, so every public read, export and feed sees it as any report),
/// or sends it back with a reason. Nobody checks their own report.
/// </summary>
public static class ApproveMilestoneProgressHandler
{
    /// <summary>Only an admin decides, once, on a pending submission of a live milestone.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(ApproveMilestoneProgress command, Milestone milestone, TimeProvider clock)
    {
        var submission = Checked(command.Caller, milestone, command.Submission, command.ExpectedVersion);
        var now = clock.GetUtcNow();
        var r = submission.Report;
        // Reported as of the approval: that is when the public learns of it; who reported stays the lead institution's staff.
        return (new UpdatedAggregate(), [
            new MilestoneProgressApproved(milestone.Id, milestone.CommitmentId, milestone.PlanId, submission.Number, command.Caller.UserId, now),
            new MilestoneProgressReported(milestone.Id, milestone.CommitmentId, milestone.PlanId, r.Level, r.Percent, r.Narrative, r.Evidence, r.AsOf,
                r.ReportedBy, submission.ReportedForInstitutionId, now),
        ]);
    }

    /// <summary>The checks an approval and a sending back share.</summary>
    public static Submission Checked(Caller caller, Milestone milestone, int number, long? expectedVersion)
    {
        caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(milestone.Id, milestone.Version, expectedVersion);
        milestone.EnsureLive();
        var submission = milestone.PendingSubmission(number);
        if (submission.Report.ReportedBy == caller.UserId)
            throw TrackerRuleBroken.Forbidden("submission.own_report", "Nobody approves their own report: another person must check it.");
        return submission;
    }

    /// <summary>Maps the approval and the sending back under <c>/api/milestones/{milestoneId}/submissions/{submission}</c>.</summary>
    public static void Map(RouteGroupBuilder milestones)
    {
        milestones.MapPost("/{milestoneId:guid}/submissions/{submission:int}/approval", static (Guid milestoneId, int submission, HttpContext http) =>
                Writes.Update<Milestone>(http, expected => new ApproveMilestoneProgress(milestoneId, submission, expected, http.Caller()),
                    m => new WriteResult(200, MilestoneSummary.Of(m, http.Today()), m.Version, $"/api/milestones/{m.Id}")))
            .RequireAuthorization(Authentication.Admin)
            .WithName("ApproveMilestoneProgress")
            .WithSummary("Approve a submitted progress report: it becomes public (point of contact only)")
            .Produces<MilestoneSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        milestones.MapPost("/{milestoneId:guid}/submissions/{submission:int}/sent-back", static async (Guid milestoneId, int submission,
                SendBackProgressRequest body, HttpContext http) =>
            {
                var errors = new FieldErrors().Text("reason", body.Reason, max: 5_000);
                if (errors.Any) return errors.Problem();
                return await Writes.Update<Milestone>(http, expected => new SendBackMilestoneProgress(milestoneId, submission, body.Reason!.Trim(), expected, http.Caller()),
                    m => new WriteResult(200, MilestoneSummary.Of(m, http.Today()), m.Version, $"/api/milestones/{m.Id}"));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithName("SendBackMilestoneProgress")
            .WithRequestExample("""{"reason":"The evidence link does not open; attach the published report."}""")
            .WithSummary("Send a submitted progress report back to the lead institution, with the reason (point of contact only)")
            .Produces<MilestoneSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }
}

/// <summary>Decides a sending back.</summary>
public static class SendBackMilestoneProgressHandler
{
    /// <summary>Only an admin, once, on a pending submission; the report never becomes public.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(SendBackMilestoneProgress command, Milestone milestone, TimeProvider clock)
    {
        var submission = ApproveMilestoneProgressHandler.Checked(command.Caller, milestone, command.Submission, command.ExpectedVersion);
        return (new UpdatedAggregate(), [new MilestoneProgressSentBack(milestone.Id, milestone.CommitmentId, milestone.PlanId, submission.Number,
            command.Reason, command.Caller.UserId, clock.GetUtcNow())]);
    }
}
