using System.Diagnostics;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Plans;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.OpenData.Importing;

/// <summary>Who runs an import (recorded on every event) and whether it writes.</summary>
public sealed record ImportRun(string UserId, bool DryRun);

/// <summary>How far an import has got, for a progress bar.</summary>
public readonly record struct ImportProgress(int RowsDone, int Rows);

/// <summary>
/// Imports an OGP/IRM commitment file. A long-running command: it writes through Marten directly, one session (one
/// transaction) per row, so a refused or failed row writes nothing, each retried by <see cref="Resilience.UnitOfWorkPipeline"/>
/// on transient failures. Idempotent, keyed on the commitment code: a commitment Tracker holds is left as it is.
/// After the rows, every imported review report of the file's plans that is still a draft is published, the
/// ratings frozen by <see cref="ReviewSheet"/> as for any report. One import runs at a time (<see cref="ImportLock"/>).
/// </summary>
public sealed class OgpImport(IDocumentStore store, IConfiguration configuration, TimeProvider clock, ILogger<OgpImport> logger)
{
    /// <summary>The reviewer id of imported assessments: the IRM's published values, recorded as final.</summary>
    public const string ImportReviewer = "irm-import";

    /// <summary>Imports <paramref name="file"/> (or, for a dry run, works out what it would do) and reports every row.</summary>
    public async Task<ImportReport> RunAsync(OgpFile file, ImportRun run, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var importLock = run.DryRun ? null : await ImportLock.AcquireAsync(TrackerDatabase.ConnectionString(configuration), ct);
        var before = run.DryRun ? 0 : (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount;
        var known = await KnownState.LoadAsync(store, ct);
        var pipeline = Resilience.UnitOfWorkPipeline(logger, TimeSpan.FromSeconds(30));
        var dayFirstPlans = OgpCommitmentRow.PlansWritingDayFirst(file.Rows);

        var taken = new List<TakenRow>();
        var present = new List<PresentRow>();
        var refused = file.Malformed.Select(m => new RefusedRow(m.Line, m.Code, [new RowProblem("(row)", m.Reason)])).ToList();
        var consistency = new List<RatingDifference>();
        var counts = new Counter();
        var plansOfFile = new HashSet<Guid>();
        var seenCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = file.Rows.Count;

        for (var index = 0; index < total; index++)
        {
            ct.ThrowIfCancellationRequested();
            var row = file.Rows[index];
            var reading = OgpCommitmentRow.Read(row, dayFirstPlans.Contains(OgpCommitmentRow.PlanKey(row)));
            var code = row[OgpColumns.Identifier].Trim();
            if (reading.Commitment is not { } commitment)
            {
                refused.Add(new RefusedRow(row.Line, code.Length > 0 ? code : null, reading.Problems));
            }
            else if (seenCodes.TryGetValue(commitment.Code, out var firstLine))
            {
                refused.Add(new RefusedRow(row.Line, commitment.Code, [new RowProblem(OgpColumns.Identifier,
                    $"{commitment.Code} appears earlier in the file (line {firstLine}); a code names one commitment.")]));
            }
            else
            {
                seenCodes[commitment.Code] = row.Line;
                if (known.CommitmentPlans.TryGetValue(commitment.Code, out var planOfPresent))
                {
                    present.Add(new PresentRow(row.Line, commitment.Code));
                    plansOfFile.Add(planOfPresent);
                    consistency.AddRange(Differences(row, commitment));
                }
                else if (Decide(commitment, known, run.UserId, clock.GetUtcNow()) is var decision && decision.Problems.Count > 0)
                {
                    refused.Add(new RefusedRow(row.Line, commitment.Code, decision.Problems));
                }
                else
                {
                    var failure = run.DryRun ? null : await WriteAsync(decision, run.UserId, pipeline, ct);
                    if (failure is not null)
                    {
                        refused.Add(new RefusedRow(row.Line, commitment.Code, [new RowProblem("(database)", failure)]));
                    }
                    else
                    {
                        known.Remember(decision);
                        counts.Add(decision);
                        plansOfFile.Add(decision.Plan.Id);
                        taken.Add(new TakenRow(row.Line, commitment.Code, decision.Warnings));
                        consistency.AddRange(Differences(row, commitment));
                    }
                }
            }
            progress?.Report(new ImportProgress(index + 1, total));
        }

        var published = await PublishImportedReportsAsync(plansOfFile, known, run, pipeline, ct);
        var after = run.DryRun ? 0 : (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount;
        logger.LogInformation("OGP import{DryRun}: {Rows} rows, {Taken} taken, {Present} already present, {Refused} refused, {Events} events appended",
            run.DryRun ? " (dry run)" : "", total + file.Malformed.Count, taken.Count, present.Count, refused.Count, after - before);

        return new ImportReport(run.DryRun, total + file.Malformed.Count, taken.Count, present.Count, refused.Count,
            counts.ToCounts(), after - before, taken, present, refused.OrderBy(r => r.Line).ToList(), consistency, published,
            file.UnknownColumns, Math.Round(stopwatch.Elapsed.TotalSeconds, 3));
    }

    private static IEnumerable<RatingDifference> Differences(OgpRow row, OgpCommitment commitment)
    {
        var computed = OgpRatings.Cells(commitment.Assessments);
        foreach (var column in OgpRatings.Compared.Where(row.Has))
            if (!OgpRatings.SameRating(row[column], computed[column]))
                yield return new RatingDifference(row.Line, commitment.Code, column, row[column].Trim(), computed[column]);
    }

    /// <summary>
    /// What registering <paramref name="commitment"/> takes, given what Tracker holds: the streams to start or
    /// append to, or the problems that refuse the row (its plan's years or review contradict what Tracker holds).
    /// </summary>
    private static RowDecision Decide(OgpCommitment commitment, KnownState known, string userId, DateTimeOffset now)
    {
        var problems = new List<RowProblem>();
        var warnings = commitment.Warnings.ToList();
        var writes = new List<StreamWrite>();

        var (memberId, memberIsNew) = known.Members.TryGetValue(commitment.Member.Code, out var member)
            ? (member.Id, false) : (Guid.CreateVersion7(), true);
        if (memberIsNew)
            writes.Add(StreamWrite.Start<Member>(memberId, new MemberRegistered(memberId, commitment.Member.Name, commitment.Member.Code,
                commitment.Member.Kind, commitment.Member.Region, userId, now)));
        else if (member!.Name != commitment.Member.Name)
            warnings.Add(new RowWarning(OgpColumns.Member, $"Tracker's member {member.Code} is named '{member.Name}'; the file's '{commitment.Member.Name}' was not used."));

        var (institutionId, institutionIsNew) = known.Institutions.TryGetValue((memberId, commitment.LeadInstitution), out var existingInstitution)
            ? (existingInstitution, false) : (Guid.CreateVersion7(), true);
        if (institutionIsNew)
            writes.Add(StreamWrite.Start<Institution>(institutionId, new InstitutionRegistered(institutionId, memberId, commitment.LeadInstitution,
                InstitutionKind.Government, userId, now)));

        Plan plan;
        if (known.Plans.TryGetValue((memberId, commitment.Plan.Number), out var existingPlan))
        {
            plan = existingPlan;
            if (plan.PeriodStart.Year != commitment.Plan.FirstYear || plan.PeriodEnd.Year != commitment.Plan.LastYear)
                problems.Add(new RowProblem(OgpColumns.YearOfSubmission, $"Tracker holds plan {plan.Number} of {commitment.Member.Name} as "
                    + $"{plan.PeriodStart.Year}-{plan.PeriodEnd.Year}; the row says {commitment.Plan.FirstYear}-{commitment.Plan.LastYear}."));
        }
        else
        {
            var planId = Guid.CreateVersion7();
            plan = new Plan(planId, memberId, commitment.Plan.Number, commitment.Plan.TitleFor(commitment.Member), commitment.Plan.PeriodStart,
                commitment.Plan.PeriodEnd, commitment.Plan.MidtermCutoff, PlanStatus.Active, now, now);
            writes.Add(StreamWrite.Start<Plan>(planId, new PlanRegistered(planId, memberId, plan.Number, plan.Title, plan.PeriodStart,
                plan.PeriodEnd, plan.MidtermCutoff, userId, now)));
        }

        // A plan registered through the API has a precise period, narrower than the file's years.
        DateOnly? WithinPlan(DateOnly? day, string column)
        {
            if (day is not { } d || plan.Covers(d)) return day;
            warnings.Add(new RowWarning(column, $"{d:yyyy-MM-dd} lies outside the plan's period {plan.PeriodStart:yyyy-MM-dd}..{plan.PeriodEnd:yyyy-MM-dd}; left empty."));
            return null;
        }
        var text = new CommitmentText(commitment.Title, commitment.ShortTitle, commitment.FullText, institutionId, [],
            commitment.SupportingInstitutionsText, WithinPlan(commitment.Start, OgpColumns.StartDate), WithinPlan(commitment.End, OgpColumns.EndDate),
            commitment.PolicyAreas, []);
        var commitmentId = Guid.CreateVersion7();
        var commitmentEvents = new List<object> { new CommitmentRegistered(commitmentId, plan.Id, commitment.Code, commitment.Number, text, null, userId, now) };
        if (commitment.Cluster is { } cluster) commitmentEvents.Add(new CommitmentClustered(commitmentId, plan.Id, cluster, userId, now));
        writes.Add(new StreamWrite(typeof(Commitment), commitmentId, true, commitmentEvents));

        var openedReports = new List<Guid>();
        var assessments = 0;
        foreach (var (kind, values, column) in new[]
                 {
                     (ReportKind.Midterm, commitment.Assessments.Midterm, OgpColumns.MidtermCompletion),
                     (ReportKind.EndOfTerm, commitment.Assessments.EndOfTerm, OgpColumns.EndOfTermCompletion),
                 })
        {
            if (values is null) continue;
            var reportId = ReviewReport.IdFor(plan.Id, kind);
            var recorded = values.Select(v => Assessment(reportId, plan.Id, commitmentId, v.Key, v.Value, now)).ToList<object>();
            assessments += recorded.Count;
            if (known.Reports.TryGetValue(reportId, out var report))
            {
                if (!report.Imported || report.Status == ReportStatus.Published)
                    problems.Add(new RowProblem(column, report.Imported
                        ? $"The {kind} review of this plan was imported and published without {commitment.Code}; a published report takes no new assessments (import a plan's rows in one file)."
                        : $"The {kind} review of this plan is Tracker's own ({report.Status}); the import does not write into it."));
                writes.Add(new StreamWrite(typeof(ReviewReport), reportId, false, recorded));
            }
            else
            {
                var cutoff = kind == ReportKind.Midterm ? plan.MidtermCutoff : plan.PeriodEnd;
                openedReports.Add(reportId);
                writes.Add(new StreamWrite(typeof(ReviewReport), reportId, true,
                    [new ReviewReportOpened(reportId, plan.Id, kind, cutoff, StarRule.Irm2015, Imported: true, userId, now), .. recorded]));
            }
        }

        return new RowDecision(commitment.Code, commitmentId, plan, memberIsNew ? new KnownMember(memberId, commitment.Member.Code, commitment.Member.Name) : null,
            institutionIsNew ? (memberId, commitment.LeadInstitution, institutionId) : null, openedReports, assessments, writes, warnings, problems);
    }

    private static AssessmentRecorded Assessment(Guid reportId, Guid planId, Guid commitmentId, Indicator indicator, string value, DateTimeOffset now) =>
        value switch
        {
            RatingText.NotAssessed => new AssessmentRecorded(reportId, planId, commitmentId, indicator, RatingState.NotAssessed, null, null, ImportReviewer, true, now),
            RatingText.NotApplicable => new AssessmentRecorded(reportId, planId, commitmentId, indicator, RatingState.NotApplicable, null, null, ImportReviewer, true, now),
            _ => new AssessmentRecorded(reportId, planId, commitmentId, indicator, RatingState.Assessed, value, null, ImportReviewer, true, now),
        };

    // One row, one transaction: every stream of the row is started or appended to in the same session.
    private async Task<string?> WriteAsync(RowDecision decision, string userId, Polly.ResiliencePipeline pipeline, CancellationToken ct)
    {
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                await using var session = OpenDataSessions.Open(store, userId);
                foreach (var write in decision.Writes)
                {
                    if (!write.Starts) session.Events.Append(write.StreamId, write.Events);
                    else if (write.AggregateType == typeof(Member)) session.Events.StartStream<Member>(write.StreamId, write.Events);
                    else if (write.AggregateType == typeof(Institution)) session.Events.StartStream<Institution>(write.StreamId, write.Events);
                    else if (write.AggregateType == typeof(Plan)) session.Events.StartStream<Plan>(write.StreamId, write.Events);
                    else if (write.AggregateType == typeof(Commitment)) session.Events.StartStream<Commitment>(write.StreamId, write.Events);
                    else session.Events.StartStream<ReviewReport>(write.StreamId, write.Events);
                }
                await session.SaveChangesAsync(token);
            }, ct);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The database refused the row of {Code}", decision.Code);
            return "The database refused the row; nothing of it was written. " + exception.Message.Split('\n')[0];
        }
    }

    private async Task<IReadOnlyList<PublishedReview>> PublishImportedReportsAsync(IEnumerable<Guid> planIds, KnownState known, ImportRun run,
        Polly.ResiliencePipeline pipeline, CancellationToken ct)
    {
        var published = new List<PublishedReview>();
        foreach (var planId in planIds.OrderBy(id => id))
        {
            foreach (var kind in new[] { ReportKind.Midterm, ReportKind.EndOfTerm })
            {
                var reportId = ReviewReport.IdFor(planId, kind);
                if (!known.Reports.TryGetValue(reportId, out var report) || !report.Imported || report.Status == ReportStatus.Published) continue;
                var plan = known.PlansById[planId];
                if (run.DryRun)
                {
                    published.Add(new PublishedReview(reportId, planId, plan.Title, kind, known.CommitmentPlans.Values.Count(p => p == planId)));
                    continue;
                }
                var commitments = 0;
                await pipeline.ExecuteAsync(async token =>
                {
                    await using var session = OpenDataSessions.Open(store, run.UserId);
                    var current = await session.LoadAsync<ReviewReport>(reportId, token)
                                  ?? throw new InvalidOperationException($"The {kind} report of plan {planId} disappeared.");
                    var publication = await PublishReviewReportHandler.Freeze(session, current, run.UserId, clock.GetUtcNow(), token);
                    session.Events.Append(reportId, publication);
                    var sheet = publication.Ratings;
                    await session.SaveChangesAsync(token);
                    commitments = sheet.Count;
                }, ct);
                known.Reports[reportId] = report with { Status = ReportStatus.Published };
                published.Add(new PublishedReview(reportId, planId, plan.Title, kind, commitments));
            }
        }
        return published;
    }

    /// <summary>A stream the row starts (with its aggregate type) or appends to.</summary>
    private sealed record StreamWrite(Type AggregateType, Guid StreamId, bool Starts, IReadOnlyList<object> Events)
    {
        public static StreamWrite Start<T>(Guid id, object e) => new(typeof(T), id, true, [e]);
    }

    private sealed record KnownMember(Guid Id, string Code, string Name);

    private sealed record RowDecision(string Code, Guid CommitmentId, Plan Plan, KnownMember? NewMember,
        (Guid MemberId, string Name, Guid Id)? NewInstitution, IReadOnlyList<Guid> OpenedReports, int Assessments,
        IReadOnlyList<StreamWrite> Writes, IReadOnlyList<RowWarning> Warnings, IReadOnlyList<RowProblem> Problems);

    private sealed record KnownReport(bool Imported, ReportStatus Status);

    /// <summary>What Tracker holds, loaded once and kept up to date as rows commit, so a row costs one round trip to decide.</summary>
    private sealed class KnownState
    {
        public required Dictionary<string, KnownMember> Members { get; init; }
        public required Dictionary<(Guid MemberId, string Name), Guid> Institutions { get; init; }
        public required Dictionary<(Guid MemberId, int Number), Plan> Plans { get; init; }
        public required Dictionary<Guid, Plan> PlansById { get; init; }
        public required Dictionary<string, Guid> CommitmentPlans { get; init; }
        public required Dictionary<Guid, KnownReport> Reports { get; init; }

        public static async Task<KnownState> LoadAsync(IDocumentStore store, CancellationToken ct)
        {
            await using var session = store.QuerySession();
            var members = await session.Query<Member>().ToListAsync(ct);
            var institutions = await session.Query<Institution>().Where(i => i.MemberId != null).ToListAsync(ct);
            var plans = await session.Query<Plan>().ToListAsync(ct);
            var commitments = await session.Query<Commitment>().Select(c => new { c.Code, c.PlanId }).ToListAsync(ct);
            var reports = await session.Query<ReviewReport>().Select(r => new { r.Id, r.Imported, r.Status }).ToListAsync(ct);
            return new KnownState
            {
                Members = members.ToDictionary(m => m.Code, m => new KnownMember(m.Id, m.Code, m.Name)),
                Institutions = institutions.GroupBy(i => (i.MemberId!.Value, i.Name)).ToDictionary(g => g.Key, g => g.First().Id),
                Plans = plans.GroupBy(p => (p.MemberId, p.Number)).ToDictionary(g => g.Key, g => g.OrderBy(p => p.RegisteredAt).First()),
                PlansById = plans.ToDictionary(p => p.Id),
                CommitmentPlans = commitments.ToDictionary(c => c.Code, c => c.PlanId, StringComparer.Ordinal),
                Reports = reports.ToDictionary(r => r.Id, r => new KnownReport(r.Imported, r.Status)),
            };
        }

        public void Remember(RowDecision decision)
        {
            if (decision.NewMember is { } member) Members[member.Code] = member;
            if (decision.NewInstitution is { } institution) Institutions[(institution.MemberId, institution.Name)] = institution.Id;
            Plans[(decision.Plan.MemberId, decision.Plan.Number)] = decision.Plan;
            PlansById[decision.Plan.Id] = decision.Plan;
            CommitmentPlans[decision.Code] = decision.Plan.Id;
            foreach (var reportId in decision.OpenedReports) Reports[reportId] = new KnownReport(true, ReportStatus.Draft);
        }
    }

    private sealed class Counter
    {
        private int members, institutions, plans, commitments, reports, assessments;

        public void Add(RowDecision decision)
        {
            members += decision.NewMember is null ? 0 : 1;
            institutions += decision.NewInstitution is null ? 0 : 1;
            plans += decision.Writes.Count(w => w.Starts && w.AggregateType == typeof(Plan));
            commitments++;
            reports += decision.OpenedReports.Count;
            assessments += decision.Assessments;
        }

        public ImportCounts ToCounts() => new(members, institutions, plans, commitments, reports, assessments);
    }
}
