using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Plans;
using Tracker.Reviews;

namespace Tracker.OpenData.Exporting;

/// <summary>Which commitments an export holds (all, one member's, or one plan's), now or as they stood at an instant.</summary>
public sealed record ExportFilter(Guid? MemberId, Guid? PlanId, DateTimeOffset? AsOf = null);

/// <summary>
/// The OGP export: commitments in code order, as CSV (RFC 4180, CRLF, UTF-8 without BOM, the OGP file's 171 columns)
/// or JSON (an array of objects keyed by the same column names). Rows are read from the database as a stream and
/// written as they come, so a large export never sits in memory. Only published reviews are exported.
/// </summary>
public sealed class OgpExport(IDocumentStore store, TimeProvider clock)
{
    /// <summary>
    /// Resolves <c>?member=</c> (id, code or name) and <c>?plan=</c> (id, a plan that existed at <paramref name="asOf"/>);
    /// the field at fault when one names nothing.
    /// </summary>
    public async Task<(ExportFilter? Filter, string? Field, string? Problem)> FilterAsync(string? member, string? plan, DateTimeOffset? asOf,
        CancellationToken ct)
    {
        await using var session = store.QuerySession();
        Guid? memberId = null, planId = null;
        if (!string.IsNullOrWhiteSpace(member))
        {
            var members = await session.Query<Member>().ToListAsync(ct);
            var match = members.FirstOrDefault(m => m.Id.ToString() == member.Trim()
                || string.Equals(m.Code, member.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(m.Name, member.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null) return (null, "member", $"No member with id, code or name '{member}'.");
            memberId = match.Id;
        }
        if (!string.IsNullOrWhiteSpace(plan))
        {
            if (!Guid.TryParse(plan, out var id) || await AsOf.Load<Plan>(session, id, asOf, ct) is null)
                return (null, "plan", $"No plan with id '{plan}'{(asOf is null ? "" : " at that time")}.");
            planId = id;
        }
        return (new ExportFilter(memberId, planId, asOf), null, null);
    }

    /// <summary>
    /// The rows of the export, read from the database as they are written. As of an instant, each member, plan,
    /// commitment and review report is its stream folded to that instant (what did not exist yet drops out), and the
    /// reviews are those published by then, with the errata issued by then.
    /// </summary>
    public async IAsyncEnumerable<string[]> RowsAsync(ExportFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        // Two sessions: one streams the commitments (its connection is busy until the last row), the other looks up.
        await using var session = store.QuerySession();
        await using var lookups = store.QuerySession();
        var asOf = filter.AsOf;
        var today = Days.AsOfDay(asOf, clock);
        var members = (await AsOf.Each(lookups, await session.Query<Member>().ToListAsync(ct), m => m.Id, asOf, ct)).ToDictionary(m => m.Id);
        var plans = (await AsOf.Each(lookups, await session.Query<Plan>().ToListAsync(ct), p => p.Id, asOf, ct)).ToDictionary(p => p.Id);
        var institutions = new Dictionary<Guid, string>();
        var reviews = new Dictionary<Guid, PlanReviews>();
        var planIds = filter.PlanId is { } onlyPlan ? [onlyPlan]
            : filter.MemberId is { } memberId ? plans.Values.Where(p => p.MemberId == memberId).Select(p => p.Id).ToArray()
            : null;
        IQueryable<Commitment> query = session.Query<Commitment>();
        if (planIds is not null) query = query.Where(c => planIds.Contains(c.PlanId));

        await foreach (var current in QueryableExtensions.ToAsyncEnumerable(query.OrderBy(c => c.Code), ct))
        {
            var commitment = asOf is null ? current : await AsOf.Load<Commitment>(lookups, current.Id, asOf, ct);
            if (commitment is null || !plans.TryGetValue(commitment.PlanId, out var plan) || !members.TryGetValue(plan.MemberId, out var member))
                continue;
            if (!reviews.TryGetValue(plan.Id, out var planReviews))
                reviews[plan.Id] = planReviews = await PlanReviews.LoadAsync(lookups, plan.Id, asOf, ct);
            var named = CommitmentTextRules.InstitutionIds(commitment.Text).Where(id => !institutions.ContainsKey(id)).Distinct().ToArray();
            if (named.Length > 0)
                foreach (var institution in await lookups.LoadManyAsync<Institution>(ct, named))
                    institutions[institution.Id] = institution.Name;

            var leads = new[] { commitment.Text.LeadInstitutionId }.Where(_ => commitment.Text.NamesLead).Concat(commitment.Text.CoLeads)
                .Select(id => institutions.GetValueOrDefault(id, "")).ToList();
            var (midterm, endOfTerm, review, results) = planReviews.Of(commitment.Id);
            yield return OgpExportRow.Cells(commitment, member, plan, leads,
                commitment.Text.SupportingInstitutionIds.Select(id => institutions.GetValueOrDefault(id)).OfType<string>().ToList(),
                IrmAssessments.FromPublished(midterm, endOfTerm, review, results, planReviews.ClusterOf(commitment.Id)),
                OgpRatings.Frozen(midterm, endOfTerm, review), today);
        }
    }

    /// <summary>A plan's published reports of each kind.</summary>
    private sealed record PlanReviews(IReadOnlyDictionary<ReportKind, IReadOnlyDictionary<Guid, CommitmentReview>> Reports)
    {
        public static async Task<PlanReviews> LoadAsync(IQuerySession session, Guid planId, DateTimeOffset? asOf, CancellationToken ct)
        {
            var reports = new Dictionary<ReportKind, IReadOnlyDictionary<Guid, CommitmentReview>>();
            foreach (var kind in Enum.GetValues<ReportKind>()) reports[kind] = await PublishedAsync(session, planId, kind, asOf, ct);
            return new PlanReviews(reports);
        }

        public (CommitmentReview? Midterm, CommitmentReview? EndOfTerm, CommitmentReview? ActionPlanReview, CommitmentReview? ResultsReport) Of(Guid commitmentId) =>
            (Entry(ReportKind.Midterm, commitmentId), Entry(ReportKind.EndOfTerm, commitmentId),
                Entry(ReportKind.ActionPlanReview, commitmentId), Entry(ReportKind.ResultsReport, commitmentId));

        /// <summary>The codes of the commitments the published Action Plan Review assessed in one cluster with this one, in code order.</summary>
        public IReadOnlyList<string>? ClusterOf(Guid commitmentId)
        {
            var review = Reports[ReportKind.ActionPlanReview];
            if (review.GetValueOrDefault(commitmentId)?.CurrentMethod?.Cluster is not { } cluster) return null;
            return [.. review.Values.Where(e => e.CurrentMethod?.Cluster == cluster).Select(e => e.Code).Order(StringComparer.Ordinal)];
        }

        private CommitmentReview? Entry(ReportKind kind, Guid commitmentId) => Reports[kind].GetValueOrDefault(commitmentId);
    }

    // Drafts are never exported: the export is public, and a draft is for its reviewers. As of an instant, a report
    // published later was still a draft then.
    private static async Task<IReadOnlyDictionary<Guid, CommitmentReview>> PublishedAsync(IQuerySession session, Guid planId, ReportKind kind,
        DateTimeOffset? asOf, CancellationToken ct) =>
        await AsOf.Load<ReviewReport>(session, ReviewReport.IdFor(planId, kind), asOf, ct) is { Status: ReportStatus.Published } report
            ? report.Published.ToDictionary(r => r.CommitmentId)
            : new Dictionary<Guid, CommitmentReview>();

    /// <summary>Writes the rows as CSV, flushing as it goes; cells a spreadsheet would run as a formula are written as text (<see cref="SpreadsheetFormulas"/>).</summary>
    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<string[]> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvLine(OgpColumns.All));
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(CsvLine(row.Select(SpreadsheetFormulas.Neutralise)));
            if (++count % 100 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>Writes the rows as a JSON array of objects keyed by the OGP column names, flushing as it goes.</summary>
    public static async Task WriteJsonAsync(Stream output, IAsyncEnumerable<string[]> rows, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++) json.WriteString(OgpColumns.All[i], row[i]);
            json.WriteEndObject();
            if (++count % 100 == 0) await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    /// <summary>One CSV record (RFC 4180): cells with a comma, quote, line break or edge space are quoted, quotes doubled; CRLF ends it.</summary>
    public static string CsvLine(IEnumerable<string> cells) =>
        string.Join(',', cells.Select(cell => cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || cell.StartsWith(' ') || cell.EndsWith(' ')
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell)) + "\r\n";
}
