using Marten;
using JasperFx;
using Tracker.Infrastructure;
using Wolverine.Marten;

namespace Tracker.Reviews;

/// <summary>Body of <c>POST /api/plans/{planId}/reviews/{kind}/public-comment</c>: the comment window.</summary>
public sealed record SendToPublicCommentRequest(DateOnly? Opens, DateOnly? Closes)
{
    /// <summary>The shape of a comment window (the API's JSON and the point of contact's form both).</summary>
    // Here, not on the handler class: Wolverine takes a handler class's Validate methods for middleware of its commands.
    public FieldErrors ShapeErrors()
    {
        var errors = new FieldErrors().Required("opens", Opens).Required("closes", Closes);
        if (this is { Opens: { } opens, Closes: { } closes }) errors.Check("closes", closes >= opens, "The window must close after it opens.");
        return errors;
    }
}

/// <summary>Sends a draft report to public comment.</summary>
public sealed record SendToPublicComment([property: Identity] Guid ReportId, DateOnly Opens, DateOnly Closes, long? ExpectedVersion, Caller Caller) : ITrackerCommand;

/// <summary>Body of <c>POST /api/plans/{planId}/reviews/{kind}/comments</c>.</summary>
/// <param name="Author">Who comments (a name or an organisation), as they wish to be shown.</param>
/// <param name="CommitmentCode">The commitment the comment is about, if one.</param>
public sealed record SubmitCommentRequest(string? Author, string? Text, string? CommitmentCode);

/// <summary>Submits a public comment (anyone may, while the window is open); <paramref name="Caller"/> is null for an anonymous commenter.</summary>
public sealed record SubmitPublicComment([property: Identity] Guid ReportId, string Author, string Text, string? CommitmentCode, Caller? Caller)
    : ITrackerWrite;

/// <summary>Decides the public-comment stage.</summary>
public static class PublicCommentingHandler
{
    /// <summary>Only an admin sends a draft to comment.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(SendToPublicComment command, ReviewReport report, TimeProvider clock)
    {
        command.Caller.MustBe(TrackerRole.Admin);
        StaleVersion.Check(report.Id, report.Version, command.ExpectedVersion);
        report.EnsureNotPublished();
        if (report.Status != ReportStatus.Draft)
            throw new TrackerRuleBroken("report.not_draft", "The report is already open for public comment.", RuleKind.Conflict);
        return (new UpdatedAggregate(), [new ReviewReportSentToPublicComment(report.Id, report.PlanId, command.Opens, command.Closes,
            command.Caller.UserId, clock.GetUtcNow())]);
    }

    /// <summary>
    /// How many comments one report takes. Each is a row of its own, so the cap bounds the table, not a document; the IRM's
    /// comment periods draw tens of comments, so reaching it means a flood, not a debate.
    /// </summary>
    public const int MaxCommentsPerReport = 5_000;

    /// <summary>Anyone comments while the report is in public comment and today is inside the window.</summary>
    // The route takes no If-Match, so commenters who race must not be refused: the report's stream is locked while a
    // comment is decided (Marten's FetchForExclusiveWriting), and Writes retries a race lost all the same.
    [AggregateHandler(ConcurrencyStyle.Exclusive)]
    public static (UpdatedAggregate, Events) Handle(SubmitPublicComment command, ReviewReport report, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (report.Status != ReportStatus.PublicComment || today < report.CommentsOpen || today > report.CommentsClose)
            throw new TrackerRuleBroken("comments.closed", "The report is not open for public comment.", RuleKind.Conflict);
        if (report.CommentCount >= MaxCommentsPerReport)
            throw new TrackerRuleBroken("comments.full", $"The report has taken its {MaxCommentsPerReport} comments.", RuleKind.Conflict);
        return (new UpdatedAggregate(), [new PublicCommentSubmitted(report.Id, report.PlanId, Guid.CreateVersion7(), command.Author, command.Text,
            command.CommitmentCode, now)]);
    }

    /// <summary>
    /// A comment as the API's JSON and the review page's form both send it, checked: the command, or the problem naming
    /// each field. A comment names a commitment of the plan under review, or none, stored as the code is written on the
    /// commitment's page (" nl0025 " is NL0025) so that the comment links to it.
    /// </summary>
    public static async Task<(SubmitPublicComment? Command, Microsoft.AspNetCore.Http.HttpValidationProblemDetails? Problem)> CommandAsync(
        SubmitCommentRequest body, Guid planId, ReportKind kind, IQuerySession session, Caller? caller, CancellationToken ct)
    {
        var errors = new FieldErrors().Text("author", body.Author, max: 200).Text("text", body.Text, max: 10_000)
            .OptionalText("commitmentCode", body.CommitmentCode, max: 20);
        if (errors.Any) return (null, errors.Details());
        var commitmentCode = body.CommitmentCode?.Trim().ToUpperInvariant() is { Length: > 0 } written ? written : null;
        if (commitmentCode is { } code && !await session.Query<Commitments.Commitment>().AnyAsync(c => c.Code == code && c.PlanId == planId, ct))
            return (null, new FieldErrors().Check("commitmentCode", false, "Not the code of a commitment of this plan.").Details());
        return (new SubmitPublicComment(ReviewReport.IdFor(planId, kind), body.Author!.Trim(), body.Text!.Trim(), commitmentCode, caller), null);
    }

    /// <summary>Maps the public-comment routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(ReviewRoutes.Group + "/public-comment", static async (Guid planId, string kind, SendToPublicCommentRequest body, HttpContext http) =>
            {
                var errors = body.ShapeErrors();
                if (errors.Any) return errors.Problem();
                return await ReviewRoutes.Write(http, planId, kind, (id, _, expected) =>
                    new SendToPublicComment(id, body.Opens!.Value, body.Closes!.Value, expected, http.Caller()));
            })
            .RequireAuthorization(Authentication.Admin)
            .WithTags("Reviews").WithName("SendReviewToPublicComment")
            .WithRequestExample("""{"opens":"2018-03-01","closes":"2018-03-15"}""").WithSummary("Send a draft report to public comment")
            .Produces<ReportSummary>().ProducesValidationProblem()
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        app.MapPost(ReviewRoutes.Group + "/comments", static async (Guid planId, string kind, SubmitCommentRequest body, HttpContext http, IQuerySession session) =>
            {
                if (!ReviewRoutes.TryKind(kind, out var reportKind, out var problem)) return problem!;
                var (command, invalid) = await CommandAsync(body, planId, reportKind, session, http.CallerOrNull(), http.RequestAborted);
                if (command is null) return Problems.Result(invalid!);
                if (await Writes.MissingStream<ReviewReport>(http, command.ReportId) is { } missing) return missing;
                return await Writes.Send<ReviewReport>(http, command,
                    report => new WriteResult(201, ReportSummary.Of(report), report.Version, ReviewRoutes.Location(planId, reportKind)));
            })
            .AllowAnonymous()
            .WithTags("Reviews").WithName("SubmitPublicComment")
            .WithRequestExample("""{"author":"Open State Foundation","text":"The course reached six of eleven tranches only.","commitmentCode":"NL0025"}""").WithSummary("Comment on a report open for public comment (anyone)")
            .Produces<ReportSummary>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }
}
