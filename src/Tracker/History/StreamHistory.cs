using JasperFx.Events;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Milestones;
using Tracker.Reviews;

namespace Tracker.History;

/// <summary>Who did something, as the event's metadata records it.</summary>
public sealed record Actor(string? UserId, string? Role, string? InstitutionId);

/// <summary>One event of a stream, as the audit trail shows it.</summary>
public sealed record HistoryEntry(long Version, long Sequence, string Type, object Data, DateTimeOffset RecordedAt, Actor By);

/// <summary>The audit trail of any stream: every event, who, when.</summary>
public static class StreamHistory
{
    /// <summary>Maps <c>GET /api/streams/{id}/history</c>.</summary>
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/streams/{id:guid}/history", static async Task<IResult> (Guid id, string? asOf, IQuerySession session,
                HttpContext http, CancellationToken ct) =>
            {
                if (!AsOf.TryParse(asOf, out var instant, out var problem)) return problem!;
                var events = instant is { } at
                    ? await session.Events.FetchStreamAsync(id, timestamp: at.ToUniversalTime(), token: ct)
                    : await session.Events.FetchStreamAsync(id, token: ct);
                if (events.Count == 0)
                    return Problems.Result(Problems.Of(404, "stream.not_found", $"No stream with id '{id}'{(instant is null ? "" : " at that time")}."));
                var reader = http.CallerOrNull();
                // A stream's history follows the rules of that stream's own reads: a draft report's events (assessments,
                // rationales, reviewers) are for its reviewers and admins only, whatever instant is asked for.
                var report = events[0].Data is ReviewReportOpened ? await session.LoadAsync<ReviewReport>(id, ct) : null;
                if (report is not null && !report.IsVisibleTo(reader))
                    return ReviewViews.DraftRefusal(reader);
                // Once out of draft the report is public, but not its drafting: each assessment recorded before (values and
                // rationales replaced since) shows to others that it happened, not what it said. The report shows what stands.
                var seesDrafting = report is null || report.IsReviewedBy(reader);
                var entries = new List<HistoryEntry>(events.Count);
                foreach (var e in events)
                    entries.Add(new HistoryEntry(e.Version, e.Sequence, e.EventTypeName,
                        !seesDrafting && e.Data is AssessmentRecorded a
                            ? new { a.ReportId, a.PlanId, a.CommitmentId, a.Score.Indicator, a.ReviewerId, a.IsFinal, a.RecordedAt }
                            : await Visible(e.Data, reader, session, ct),
                        e.Timestamp, new Actor(Header(e, "userId") ?? e.UserName, Header(e, "role"), Header(e, "institutionId"))));
                return TypedResults.Ok(entries);
            })
            .WithTags("History")
            .WithName("GetStreamHistory")
            .WithSummary("Read the audit trail of any stream (plan, commitment, milestone, member, institution)")
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(404).ProducesValidationProblem();
        return app;
    }

    private static string? Header(IEvent e, string name) =>
        e.Headers is { } headers && headers.TryGetValue(name, out var value) ? value?.ToString() : null;

    // The audit trail is public, but private evidence is not: readers who may not see it get the report without it.
    private static async Task<object> Visible(object data, Caller? reader, IQuerySession session, CancellationToken ct)
    {
        // A report waiting for approval, or sent back, is between the lead institution and the point of contact (as on the
        // approvals page): everyone else, the plan's reviewers included, sees that it happened, not what it said.
        switch (data)
        {
            case MilestoneProgressSubmitted submitted:
                return await SeesSubmissions(submitted.CommitmentId) ? data : new { submitted.MilestoneId, submitted.Submission, submitted.ReportedAt };
            case MilestoneProgressSentBack sentBack:
                return await SeesSubmissions(sentBack.CommitmentId) ? data : new { sentBack.MilestoneId, sentBack.Submission, sentBack.SentBackAt };
        }
        if (data is not MilestoneProgressReported report || report.Evidence.All(e => e.Visibility == EvidenceVisibility.Public)) return data;
        var commitment = await session.LoadAsync<Commitment>(report.CommitmentId, ct);
        return commitment is not null && await PrivateEvidence.ShownToAsync(session, commitment, reader, ct)
            ? data
            : report with { Evidence = report.Evidence.Where(e => e.Visibility == EvidenceVisibility.Public).ToList() };

        async Task<bool> SeesSubmissions(Guid commitmentId) =>
            reader is { Role: TrackerRole.Admin } || await session.LoadAsync<Commitment>(commitmentId, ct) is { } led && led.IsLedBy(reader);
    }
}
