using Microsoft.AspNetCore.Http.HttpResults;
using Tracker.Infrastructure;
using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>
/// The report of a plan is addressed by its kind in the URL: <c>midterm</c>, <c>end-of-term</c>, <c>action-plan-review</c>
/// or <c>results-report</c>.
/// </summary>
public static class ReviewRoutes
{
    /// <summary>The route group of one plan's reports.</summary>
    public const string Group = "/api/plans/{planId:guid}/reviews/{kind}";

    /// <summary>Reads the kind from its URL slug.</summary>
    public static bool TryKind(string slug, out ReportKind kind, out IResult? problem)
    {
        (var ok, kind) = slug.ToLowerInvariant() switch
        {
            "midterm" => (true, ReportKind.Midterm),
            "end-of-term" or "endofterm" => (true, ReportKind.EndOfTerm),
            "action-plan-review" or "actionplanreview" => (true, ReportKind.ActionPlanReview),
            "results-report" or "resultsreport" => (true, ReportKind.ResultsReport),
            _ => (false, default),
        };
        problem = ok ? null : Problems.Result(Problems.Of(404, "review.kind_unknown",
            "Review kinds are 'midterm', 'end-of-term', 'action-plan-review' and 'results-report'."));
        return ok;
    }

    /// <summary>The URL slug of a kind.</summary>
    public static string Slug(ReportKind kind) => kind switch
    {
        ReportKind.Midterm => "midterm",
        ReportKind.EndOfTerm => "end-of-term",
        ReportKind.ActionPlanReview => "action-plan-review",
        _ => "results-report",
    };

    /// <summary>
    /// The score a request names (the JSON edge): a value of the indicator's scale when assessed, none otherwise; an error
    /// on <c>value</c> naming the levels allowed when the text is not one of them.
    /// </summary>
    public static Score? ScoreOf(FieldErrors errors, Indicator indicator, RatingState state, string? value)
    {
        if (state != RatingState.Assessed)
        {
            // A value beside "not assessed" is a contradiction the sender should see, not a value silently dropped.
            errors.Check("value", string.IsNullOrWhiteSpace(value), $"A rating recorded as {state} has no value; leave the value out.");
            return Score.Without(indicator, state);
        }
        if (value is null)
        {
            errors.Check("value", false, "An assessed indicator needs a value.");
            return null;
        }
        var score = Score.Parse(indicator, value, out var problem);
        errors.Check("value", score is not null, problem ?? "");
        return score;
    }

    /// <summary>Where a report is read.</summary>
    public static string Location(Guid planId, ReportKind kind) => $"/api/plans/{planId}/reviews/{Slug(kind)}";

    /// <summary>Shared shape of a write to an existing report: parse kind and If-Match, then send.</summary>
    public static async Task<IResult> Write(HttpContext http, Guid planId, string kindSlug, Func<Guid, ReportKind, long?, ITrackerCommand> command)
    {
        if (!TryKind(kindSlug, out var kind, out var problem)) return problem!;
        return await Writes.Update<ReviewReport>(http, expected => command(ReviewReport.IdFor(planId, kind), kind, expected),
            report => new WriteResult(200, ReportSummary.Of(report), report.Version, Location(planId, kind)));
    }
}

/// <summary>What a write to a report answers: where it stands (never the draft's ratings, which have their own read).</summary>
public sealed record ReportSummary(Guid ReportId, Guid PlanId, ReportKind Kind, ReportStatus Status, DateOnly Cutoff, int Reviewers,
    int Assessments, int Comments, int Errata, long Version)
{
    /// <summary>Summarises a report.</summary>
    public static ReportSummary Of(ReviewReport r) => new(r.Id, r.PlanId, r.Kind, r.Status, r.Cutoff, r.Reviewers.Count,
        r.Assessments.Count, r.CommentCount, r.Errata.Count, r.Version);
}
