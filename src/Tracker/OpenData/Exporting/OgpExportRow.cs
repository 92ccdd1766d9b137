using System.Globalization;
using Tracker.Commitments;
using Tracker.Members;
using Tracker.Plans;

namespace Tracker.OpenData.Exporting;

/// <summary>
/// One commitment as a row of the OGP file (pure). Columns Tracker holds are written from its documents; the rating
/// columns are computed by <see cref="OgpRatings"/> from the published reviews; columns Tracker does not hold are
/// empty. A value Tracker holds as absent (no date, no supporting institutions) is written NA, as the OGP file does.
/// </summary>
public static class OgpExportRow
{
    private const string Absent = "NA";

    /// <summary>The cells of <paramref name="commitment"/>, in the order of <see cref="OgpColumns.All"/>.</summary>
    public static string[] Cells(Commitment commitment, Member member, Plan plan, string leadInstitution,
        IReadOnlyList<string> supportingInstitutions, IrmAssessments assessments)
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
            [OgpColumns.NationalOrLocal] = member.Kind.ToString(),
            [OgpColumns.Dummy] = "1",
            [OgpColumns.YearOfSubmission] = Number(plan.PeriodStart.Year),
            [OgpColumns.EndYear] = Number(plan.PeriodEnd.Year),
            [OgpColumns.Duration] = Number(plan.PeriodEnd.Year - plan.PeriodStart.Year),
            [OgpColumns.Title] = text.Title,
            [OgpColumns.ShortTitle] = text.ShortTitle ?? Absent,
            [OgpColumns.FullText] = text.FullText ?? Absent,
            [OgpColumns.StartDate] = text.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Absent,
            [OgpColumns.EndDate] = text.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Absent,
            [OgpColumns.LeadInstitution] = leadInstitution,
            [OgpColumns.SupportingInstitutions] = supporting.Length > 0 ? supporting : Absent,
            [OgpColumns.Cluster] = commitment.Cluster ?? Absent,
        };
        foreach (var tag in OgpColumns.PolicyAreas)
            held[tag] = text.PolicyAreas.Contains(tag, StringComparer.OrdinalIgnoreCase) ? "1" : "0";
        var ratings = OgpRatings.Cells(assessments);
        return OgpColumns.All.Select(column => held.GetValueOrDefault(column) ?? ratings.GetValueOrDefault(column) ?? "").ToArray();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
