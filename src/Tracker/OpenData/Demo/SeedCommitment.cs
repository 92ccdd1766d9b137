using System.Globalization;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.OpenData.Demo;

/// <summary>A milestone of a seed commitment: its text and planned end (it starts with the commitment).</summary>
public sealed record SeedMilestone(int Number, string Text, DateOnly PlannedEnd);

/// <summary>One IRM midterm rating with the reviewers' reasons, as the review's text gives them.</summary>
public sealed record SeedAssessment(Score Score, string? Rationale)
{
    /// <summary>A rating as the seed file writes it (<c>medium</c>, <c>yes</c>, a list of OGP values): a typo fails the load.</summary>
    public static SeedAssessment Read(Indicator indicator, string text, string? rationale) => new(text switch
    {
        RatedJsonConverter.NotAssessed => Score.Without(indicator, RatingState.NotAssessed),
        RatedJsonConverter.NotApplicable => Score.Without(indicator, RatingState.NotApplicable),
        _ => Score.Parse(indicator, text, out var problem) ?? throw new FormatException($"The seed's {indicator} '{text}' is not a level: {problem}"),
    }, rationale);
}

/// <summary>
/// A commitment copied by hand from its OGP commitment page (<c>nl-2016-2018/NL0025.md</c>): the plan it belongs to,
/// the action plan's text and institutions, the milestones, and the IRM's midterm ratings with their text.
/// </summary>
public sealed record SeedCommitment(string Code, string MemberCode, string MemberName, int PlanNumber, string PlanTitle, DateOnly PlanStart,
    DateOnly PlanEnd, DateOnly MidtermCutoff, string Number, string Title, string ShortTitle, string FullText, string LeadInstitution,
    string SupportingInstitution, string SupportingText, DateOnly Start, DateOnly End, IReadOnlyList<string> PolicyAreas,
    IReadOnlyList<SeedMilestone> Milestones, IReadOnlyList<SeedAssessment> Midterm)
{
    /// <summary>Reads the file (front matter and, as the body, the action plan's text). Pure.</summary>
    public static SeedCommitment Read(string text)
    {
        var (f, body) = FrontMatter.Parse(text);
        DateOnly Day(string key) => DateOnly.ParseExact(f[key], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var milestones = Enumerable.Range(1, 20).TakeWhile(n => f.ContainsKey($"milestone_{n}"))
            .Select(n => new SeedMilestone(n, f[$"milestone_{n}"], Day($"milestone_{n}_end"))).ToList();
        // The review's text, paragraph by paragraph, beside the rating it explains (IRM progress report layout:
        // context and objectives → specificity and relevance, completion, next steps).
        var source = $"{f["irm_report"]}, IRM progress report published {f["irm_published"]}. ";
        SeedAssessment[] midterm =
        [
            SeedAssessment.Read(Indicator.Specificity, f["specificity"], source + f["context_specificity"]),
            SeedAssessment.Read(Indicator.Relevance, f["relevance"], f["context_relevance"]),
            SeedAssessment.Read(Indicator.PotentialImpact, f["potential_impact"], null),
            SeedAssessment.Read(Indicator.Completion, f["completion"], f["completion_text"] + "\n\nNext steps: " + f["next_steps"]),
            SeedAssessment.Read(Indicator.OnTime, f["on_time"], null),
        ];
        return new SeedCommitment(f["code"], f["member_code"], f["member_name"], int.Parse(f["plan_number"], CultureInfo.InvariantCulture),
            f["plan_title"], Day("plan_start"), Day("plan_end"), Day("midterm_cutoff"), f["number"], f["title"], f["short_title"], body.Trim(),
            f["lead_institution"], f["supporting_institution"], f["supporting_text"], Day("start"), Day("end"),
            f["policy_areas"].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), milestones, midterm);
    }
}
