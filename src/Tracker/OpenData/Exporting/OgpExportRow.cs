using System.Globalization;
using Tracker.Commitments;
using Tracker.Members;
using Tracker.OpenData.Importing;
using Tracker.Plans;
using Tracker.Ratings;

namespace Tracker.OpenData.Exporting;

/// <summary>
/// One commitment as a row of the OGP file (pure). Columns Tracker holds are written from its documents; the rating
/// columns are computed by <see cref="OgpRatings"/> and <see cref="IrmSummaryColumns"/> from the published reviews; a
/// cell the commitment's source published that Tracker does not model, or reads into something it writes otherwise,
/// is written as published (<see cref="Commitment.SourceCells"/>) as long as Tracker's own cell is still the one it
/// made of it then. A value Tracker holds as absent (no date, no supporting institutions) is written NA, as the OGP
/// file does.
/// </summary>
public static class OgpExportRow
{
    private const string Absent = "NA";

    /// <summary>The cells of <paramref name="commitment"/>, in the order of <see cref="OgpColumns.All"/>.</summary>
    /// <param name="leadInstitutions">The lead then its co-leads; none when the plan names no lead.</param>
    /// <param name="frozen">The rating columns the published reports froze (<see cref="OgpRatings.Frozen"/>), written instead of recomputed.</param>
    public static string[] Cells(Commitment commitment, Member member, Plan plan, IReadOnlyList<string> leadInstitutions,
        IReadOnlyList<string> supportingInstitutions, IrmAssessments assessments, IReadOnlyDictionary<string, string> frozen, DateOnly today) =>
        Given(Held(commitment, member, plan, leadInstitutions, supportingInstitutions, assessments, today, frozen), commitment.SourceCells);

    /// <summary>The row from Tracker's events alone, by column; columns it does not model are absent.</summary>
    public static IReadOnlyDictionary<string, string> Held(Commitment commitment, Member member, Plan plan, IReadOnlyList<string> leadInstitutions,
        IReadOnlyList<string> supportingInstitutions, IrmAssessments assessments, DateOnly today, IReadOnlyDictionary<string, string>? frozen = null)
    {
        var text = commitment.Text;
        var supporting = string.Join("; ", supportingInstitutions.Append(text.SupportingInstitutionsText).OfType<string>());
        var held = new Dictionary<string, string>
        {
            [OgpColumns.Identifier] = commitment.Code,
            [OgpColumns.Member] = member.Name,
            [OgpColumns.PlanNumber] = Number(plan.Number),
            [OgpColumns.CommitmentNumber] = commitment.Number,
            [OgpColumns.Region] = member.Region ?? Absent,
            [OgpColumns.NationalOrLocal] = OgpMemberKinds.Format(member.Kind),
            [OgpColumns.Dummy] = "1",
            [OgpColumns.YearOfSubmission] = Number(plan.PeriodStart.Year),
            [OgpColumns.EndYear] = Number(plan.PeriodEnd.Year),
            [OgpColumns.Duration] = Number(plan.PeriodEnd.Year - plan.PeriodStart.Year),
            [OgpColumns.Title] = text.Title,
            [OgpColumns.ShortTitle] = text.ShortTitle ?? Absent,
            [OgpColumns.FullText] = text.FullText ?? Absent,
            [OgpColumns.StartDate] = text.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Absent,
            [OgpColumns.EndDate] = text.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Absent,
            // One cell for the lead and its co-leads, as the file lists them; NA for a lead the plan does not name.
            [OgpColumns.LeadInstitution] = leadInstitutions.Count > 0 ? string.Join("; ", leadInstitutions) : Absent,
            [OgpColumns.SupportingInstitutions] = supporting.Length > 0 ? supporting : Absent,
            // An Action Plan Review's cluster is written in its own columns (CurrentMethodColumns), not the 2011–2020 method's.
            [OgpColumns.Cluster] = assessments.ActionPlanReview is null ? commitment.Cluster ?? Absent : Absent,
        };
        foreach (var tag in OgpColumns.PolicyAreas)
            held[tag] = text.PolicyAreas.Contains(tag, StringComparer.OrdinalIgnoreCase) ? "1" : "0";
        var ratings = new Dictionary<string, string>(OgpRatings.Cells(assessments));
        foreach (var (column, cell) in frozen ?? new Dictionary<string, string>())
            if (ratings.GetValueOrDefault(column) != IrmCells.NotReviewed) ratings[column] = cell;
        foreach (var (column, cell) in ratings) held[column] = cell;
        foreach (var (column, cell) in IrmSummaryColumns.Cells(ratings, plan.PeriodEnd, today)) held[column] = cell;
        return held;
    }

    /// <summary>The row in the file's order: a source cell where Tracker's own cell is still what it made of it, else Tracker's cell (empty where it models nothing).</summary>
    public static string[] Given(IReadOnlyDictionary<string, string> held, IReadOnlyDictionary<string, SourceCell> sourceCells) =>
        OgpColumns.All.Select(column => held.GetValueOrDefault(column, "") is var own
            && sourceCells.TryGetValue(column, out var source) && source.AsRead == own ? source.Published : own).ToArray();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
