using System.Diagnostics;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.OpenData.Exporting;
using Tracker.Plans;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.OpenData.Importing;

/// <summary>Who runs an import (recorded on every event) and whether it writes.</summary>
public sealed record ImportRun(string UserId, bool DryRun);

/// <summary>How far an import has got, for a progress bar.</summary>
public readonly record struct ImportProgress(int RowsDone, int Rows);

/// <summary>
/// Imports an OGP/IRM commitment file. A long-running command: it writes through Marten directly, rows decided one by
/// one and appended <see cref="BatchSize"/> at a time, one session (one transaction) per batch, each retried by
/// <see cref="Resilience.UnitOfWorkPipeline"/> on transient failures; a batch the database refuses is written again row
/// by row, so a refused or failed row writes nothing. Idempotent, keyed on the commitment code: a commitment Tracker
/// holds is left as it is.
/// After the rows, every imported review report of the file's plans that is still a draft is published, the
/// ratings frozen by <see cref="ReviewSheet"/> as for any report. One import runs at a time (<see cref="ImportLock"/>).
/// </summary>
public sealed class OgpImport(IDocumentStore store, IConfiguration configuration, TimeProvider clock, ILogger<OgpImport> logger)
{
    /// <summary>The reviewer id of imported assessments: the IRM's published values, recorded as final.</summary>
    public const string ImportReviewer = RecordAssessmentHandler.ImportedReviewerId;

    /// <summary>Rows a transaction carries: ~11 events each; beyond ~100 the commit no longer gets cheaper per row (docs/performance.md).</summary>
    public const int BatchSize = 100;

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
        var batch = new List<(OgpRow Row, OgpCommitment Commitment, RowDecision Decision)>();

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
                    // Remembered before the write, so the next rows of the batch decide on what this one registers.
                    known.Remember(decision);
                    batch.Add((row, commitment, decision));
                    if (run.DryRun || batch.Count == BatchSize) await FlushAsync();
                }
            }
            progress?.Report(new ImportProgress(index + 1, total));
        }
        await FlushAsync();

        // One transaction per batch. A batch the database refuses is taken again row by row, each decided afresh on what
        // Tracker then holds, so a bad row still writes nothing and refuses only itself (and rows that needed it).
        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            var rows = batch.ToList();
            batch.Clear();
            if (run.DryRun || await WriteAsync(rows.Select(r => r.Decision).ToList(), run.UserId, pipeline, ct) is null)
            {
                foreach (var (row, commitment, decision) in rows) Took(row, commitment, decision);
                return;
            }
            known = await KnownState.LoadAsync(store, ct);
            foreach (var (row, commitment, _) in rows)
            {
                var decision = Decide(commitment, known, run.UserId, clock.GetUtcNow());
                var failure = decision.Problems.Count > 0 ? null : await WriteAsync([decision], run.UserId, pipeline, ct);
                if (decision.Problems.Count > 0) refused.Add(new RefusedRow(row.Line, commitment.Code, decision.Problems));
                else if (failure is not null) refused.Add(new RefusedRow(row.Line, commitment.Code, [new RowProblem("(database)", failure)]));
                else
                {
                    known.Remember(decision);
                    Took(row, commitment, decision);
                }
            }
        }

        void Took(OgpRow row, OgpCommitment commitment, RowDecision decision)
        {
            counts.Add(decision);
            plansOfFile.Add(decision.Plan.Id);
            taken.Add(new TakenRow(row.Line, commitment.Code, decision.Warnings));
            consistency.AddRange(Differences(row, commitment));
        }

        var rowsDone = stopwatch.Elapsed;
        var published = await PublishImportedReportsAsync(plansOfFile, known, run, pipeline, ct);
        var after = run.DryRun ? 0 : (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount;
        logger.LogInformation("OGP import{DryRun}: {Rows} rows, {Taken} taken, {Present} already present, {Refused} refused, {Events} events appended; "
            + "rows in {RowSeconds:0.0} s, {Reports} reports published in {PublishSeconds:0.0} s",
            run.DryRun ? " (dry run)" : "", total + file.Malformed.Count, taken.Count, present.Count, refused.Count, after - before,
            rowsDone.TotalSeconds, published.Count, (stopwatch.Elapsed - rowsDone).TotalSeconds);

        return new ImportReport(run.DryRun, total + file.Malformed.Count, taken.Count, present.Count, refused.Count,
            counts.ToCounts(), after - before, taken, present, refused.OrderBy(r => r.Line).ToList(), consistency, published,
            file.UnknownColumns, Math.Round(stopwatch.Elapsed.TotalSeconds, 3));
    }

    private IEnumerable<RatingDifference> Differences(OgpRow row, OgpCommitment commitment) =>
        OgpConsistency.Differences(row, commitment, Days.Of(clock));

    /// <summary>
    /// What registering <paramref name="commitment"/> takes, given what Tracker holds: the events each slice's own decision
    /// returns for the member, lead institution, plan, commitment and its imported review reports, or the problems that
    /// refuse the row. The import is one more caller of those decisions, an admin; the IRM's published values go in
    /// under the reviews slice's named capability for them (<see cref="ReportOrigin.ImportedIrmPublication"/>).
    /// </summary>
    private static RowDecision Decide(OgpCommitment commitment, KnownState known, string userId, DateTimeOffset now)
    {
        var warnings = commitment.Warnings.ToList();
        try
        {
            return DecideRow(commitment, known, new Caller(userId, TrackerRole.Admin, null), now, warnings);
        }
        catch (TrackerRuleBroken refused)
        {
            return RowDecision.Refused(commitment.Code, [new RowProblem(ColumnOf(refused.Field), refused.Message)], warnings);
        }
    }

    private static RowDecision DecideRow(OgpCommitment commitment, KnownState known, Caller admin, DateTimeOffset now, List<RowWarning> warnings)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        const string source = "OGP/IRM file";
        var problems = new List<RowProblem>();
        var writes = new List<StreamWrite>();

        if (!known.Members.TryGetValue(commitment.Member.Code, out var member))
        {
            var registered = RegisterMemberHandler.Decide(new RegisterMember(Guid.CreateVersion7(), commitment.Member.Name, commitment.Member.Code,
                commitment.Member.Kind, commitment.Member.Region, admin), sameCode: null, now);
            member = Member.Create(registered);
            writes.Add(StreamWrite.Start<Member>(member.Id, registered));
        }
        else if (member.Name != commitment.Member.Name)
            warnings.Add(new RowWarning(OgpColumns.Member, $"Tracker's member {member.Code} is named '{member.Name}'; the file's '{commitment.Member.Name}' was not used."));
        var memberIsNew = writes.Count > 0;

        // The lead and its co-leads, each found by member and name or registered; none for a lead the file does not name.
        var leads = new List<Institution>();
        var newInstitutions = new List<Institution>();
        foreach (var name in commitment.LeadInstitutions)
        {
            if (!known.Institutions.TryGetValue((member.Id, name), out var institution))
            {
                var registered = RegisterInstitutionHandler.Decide(new RegisterInstitution(Guid.CreateVersion7(), member.Id, name,
                    InstitutionKind.Government, admin), member, sameName: null, now);
                institution = Institution.Create(registered);
                writes.Add(StreamWrite.Start<Institution>(institution.Id, registered));
                newInstitutions.Add(institution);
            }
            leads.Add(institution);
        }

        var planIsNew = !known.Plans.TryGetValue((member.Id, commitment.Plan.Number), out var plan);
        if (plan is not null)
        {
            if (plan.PeriodStart.Year != commitment.Plan.FirstYear || plan.PeriodEnd.Year != commitment.Plan.LastYear)
                problems.Add(new RowProblem(OgpColumns.YearOfSubmission, $"Tracker holds plan {plan.Number} of {commitment.Member.Name} as "
                    + $"{plan.PeriodStart.Year}-{plan.PeriodEnd.Year}; the row says {commitment.Plan.FirstYear}-{commitment.Plan.LastYear}."));
        }
        else
        {
            var registered = RegisterPlanHandler.Decide(new RegisterPlan(Guid.CreateVersion7(), member.Id, commitment.Plan.Number,
                commitment.Plan.TitleFor(commitment.Member), commitment.Plan.PeriodStart, commitment.Plan.PeriodEnd, commitment.Plan.MidtermCutoff, admin),
                member, now);
            plan = Plan.Create(registered);
            writes.Add(StreamWrite.Start<Plan>(plan.Id, registered));
        }

        // A plan registered through the API has a precise period, narrower than the file's years.
        DateOnly? WithinPlan(DateOnly? day, string column)
        {
            if (day is not { } d || plan.Covers(d)) return day;
            warnings.Add(new RowWarning(column, $"{d:yyyy-MM-dd} lies outside the plan's period {plan.PeriodStart:yyyy-MM-dd}..{plan.PeriodEnd:yyyy-MM-dd}; left empty."));
            return null;
        }
        var text = new CommitmentText(commitment.Title, commitment.ShortTitle, commitment.FullText,
            leads.Count > 0 ? leads[0].Id : CommitmentText.LeadNotNamed, [],
            commitment.SupportingInstitutionsText, WithinPlan(commitment.Start, OgpColumns.StartDate), WithinPlan(commitment.End, OgpColumns.EndDate),
            commitment.PolicyAreas, [], [.. leads.Skip(1).Select(i => i.Id)]);
        var commitmentRegistered = RegisterCommitmentHandler.Decide(
            new RegisterCommitment(Guid.CreateVersion7(), plan.Id, commitment.Code, commitment.Number, text, null, admin),
            new CommitmentRegistrationContext(plan, member, leads, SameCode: null), now);
        var registeredCommitment = Commitment.Create(commitmentRegistered);
        registeredCommitment.Version = 1;
        var commitmentEvents = new List<object> { commitmentRegistered };
        if (commitment.Cluster is { } cluster)
        {
            var clustered = ClusterCommitmentHandler.Decide(new ClusterCommitment(registeredCommitment.Id, cluster, null, admin), registeredCommitment, now);
            commitmentEvents.AddRange(clustered);
            foreach (var e in clustered.OfType<CommitmentClustered>()) registeredCommitment = registeredCommitment.Apply(e);
        }
        // What the file publishes that Tracker would not give back from these events is kept as the commitment's source cells.
        var held = OgpExportRow.Held(registeredCommitment, member, plan, [.. leads.Select(i => i.Name)], [], commitment.Assessments, today);
        var sourceCells = OgpSourceCells.Of(commitment.Published, held);
        if (sourceCells.Count > 0)
            commitmentEvents.AddRange(RecordSourceCellsHandler.Decide(new RecordSourceCells(registeredCommitment.Id,
                $"{source}, line {commitment.Line}", sourceCells, admin), registeredCommitment, now));
        writes.Add(StreamWrite.Start<Commitment>(registeredCommitment.Id, [.. commitmentEvents]));

        var reports = new List<ReviewReport>();
        var assessments = 0;
        foreach (var (kind, values, column) in new[]
                 {
                     (ReportKind.Midterm, commitment.Assessments.Midterm, OgpColumns.MidtermCompletion),
                     (ReportKind.EndOfTerm, commitment.Assessments.EndOfTerm, OgpColumns.EndOfTermCompletion),
                     (ReportKind.ActionPlanReview, commitment.Assessments.ActionPlanReview, OgpColumns.PotentialForResults),
                     (ReportKind.ResultsReport, commitment.Assessments.ResultsReport, OgpColumns.EndOfTermCompletion),
                 })
        {
            if (values is null) continue;
            var reportId = ReviewReport.IdFor(plan.Id, kind);
            var existing = known.Reports.GetValueOrDefault(reportId);
            if (existing is not null && (!existing.Imported || existing.Status == ReportStatus.Published))
            {
                problems.Add(new RowProblem(column, existing.Imported
                    ? $"The {kind} review of this plan was imported and published without {commitment.Code}; a published report takes no new assessments (import a plan's rows in one file)."
                    : $"The {kind} review of this plan is Tracker's own ({existing.Status}); the import does not write into it."));
                continue;
            }
            var events = new List<object>();
            var report = existing;
            if (report is null)
            {
                // No cutoff: the decision's own for the kind (midterm cutoff, plan start, or plan end), as over HTTP.
                var opened = OpenReviewReportHandler.Decide(new OpenReviewReport(reportId, plan.Id, kind, null, StarRule.Irm2015, admin,
                    ReportOrigin.ImportedIrmPublication), new ReportOpeningContext(plan, null), now);
                report = ReviewReport.Started(opened);
                events.Add(opened);
            }
            foreach (var score in values.Values)
            {
                var recorded = RecordAssessmentHandler.Decide(new RecordAssessment(reportId, registeredCommitment.Id, score, null,
                    IsFinal: true, ExpectedVersion: null, admin, ReportOrigin.ImportedIrmPublication), report, registeredCommitment, now);
                report = report.Then(recorded);
                events.Add(recorded);
                assessments++;
            }
            writes.Add(existing is null
                ? StreamWrite.Start<ReviewReport>(reportId, [.. events])
                : StreamWrite.Append(reportId, existing.Version, [.. events]));
            reports.Add(report);
        }

        return new RowDecision(commitment.Code, registeredCommitment.Id, plan, planIsNew, memberIsNew ? member : null,
            newInstitutions, reports, reports.Count(r => known.Reports.GetValueOrDefault(r.Id) is null), assessments, writes, warnings, problems);
    }

    // The decisions name the request fields they refuse; a row names the file's columns.
    private static string ColumnOf(string? field) => field switch
    {
        "code" => OgpColumns.Identifier,
        "title" => OgpColumns.Title,
        "start" => OgpColumns.StartDate,
        "end" => OgpColumns.EndDate,
        "leadInstitutionId" => OgpColumns.LeadInstitution,
        null => "(row)",
        var other => other,
    };

    // One batch, one transaction: the rows' writes to one stream (a plan's review report takes every row's assessments)
    // are merged into one start or one append, at the version the first of them saw.
    private async Task<string?> WriteAsync(IReadOnlyList<RowDecision> decisions, string userId, Polly.ResiliencePipeline pipeline, CancellationToken ct)
    {
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                await using var session = OpenDataSessions.Open(store, userId);
                foreach (var stream in decisions.SelectMany(d => d.Writes).GroupBy(w => w.StreamId))
                    stream.First().ApplyTo(session, stream.SelectMany(w => w.Events).ToArray());
                await session.SaveChangesAsync(token);
            }, ct);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var codes = string.Join(", ", decisions.Select(d => d.Code));
            if (decisions.Count == 1) logger.LogWarning(exception, "The database refused the row of {Code}", codes);
            else logger.LogWarning("The database refused a batch of {Rows} rows ({Codes}); writing them one by one: {Reason}", decisions.Count, codes, exception.Message.Split('\n')[0]);
            return "The database refused the row; nothing of it was written. " + exception.Message.Split('\n')[0];
        }
    }

    private static readonly ReportKind[] ImportedKinds =
        [ReportKind.Midterm, ReportKind.EndOfTerm, ReportKind.ActionPlanReview, ReportKind.ResultsReport];

    private async Task<IReadOnlyList<PublishedReview>> PublishImportedReportsAsync(IEnumerable<Guid> planIds, KnownState known, ImportRun run,
        Polly.ResiliencePipeline pipeline, CancellationToken ct)
    {
        var published = new List<PublishedReview>();
        var admin = new Caller(run.UserId, TrackerRole.Admin, null);
        foreach (var planId in planIds.OrderBy(id => id))
        {
            foreach (var kind in ImportedKinds)
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
                    var command = new PublishReviewReport(reportId, null, admin);
                    var current = await session.LoadAsync<ReviewReport>(reportId, token)
                                  ?? throw new InvalidOperationException($"The {kind} report of plan {planId} disappeared.");
                    var publication = PublishReviewReportHandler.Decide(command, current,
                        await PublishReviewReportHandler.LoadAsync(command, session, token), clock.GetUtcNow());
                    session.Events.Append(reportId, current.Version + 1, publication);
                    await session.SaveChangesAsync(token);
                    commitments = publication.Ratings.Count;
                }, ct);
                known.Reports[reportId] = report with { Status = ReportStatus.Published };
                published.Add(new PublishedReview(reportId, planId, plan.Title, kind, commitments));
            }
        }
        return published;
    }

    /// <summary>Events a slice decided for one stream: started with its aggregate type, or appended at the version the decision saw.</summary>
    private sealed record StreamWrite(Guid StreamId, IReadOnlyList<object> Events, Action<IDocumentSession, object[]> ApplyTo)
    {
        public static StreamWrite Start<T>(Guid id, params object[] events) where T : class =>
            new(id, events, (session, all) => session.Events.StartStream<T>(id, all));

        // Marten's expected version is the stream's version once these events (and those merged after them) are appended.
        public static StreamWrite Append(Guid id, long versionSeen, params object[] events) =>
            new(id, events, (session, all) => session.Events.Append(id, versionSeen + all.Length, all));
    }

    private sealed record RowDecision(string Code, Guid CommitmentId, Plan Plan, bool NewPlan, Member? NewMember, IReadOnlyList<Institution> NewInstitutions,
        IReadOnlyList<ReviewReport> Reports, int OpenedReports, int Assessments, IReadOnlyList<StreamWrite> Writes, IReadOnlyList<RowWarning> Warnings,
        IReadOnlyList<RowProblem> Problems)
    {
        public static RowDecision Refused(string code, IReadOnlyList<RowProblem> problems, IReadOnlyList<RowWarning> warnings) =>
            new(code, Guid.Empty, null!, false, null, [], [], 0, 0, [], warnings, problems);
    }

    /// <summary>What Tracker holds, loaded once and kept up to date as rows commit, so a row costs one round trip to decide.</summary>
    private sealed class KnownState
    {
        public required Dictionary<string, Member> Members { get; init; }
        public required Dictionary<(Guid MemberId, string Name), Institution> Institutions { get; init; }
        public required Dictionary<(Guid MemberId, int Number), Plan> Plans { get; init; }
        public required Dictionary<Guid, Plan> PlansById { get; init; }
        public required Dictionary<string, Guid> CommitmentPlans { get; init; }
        public required Dictionary<Guid, ReviewReport> Reports { get; init; }

        public static async Task<KnownState> LoadAsync(IDocumentStore store, CancellationToken ct)
        {
            await using var session = store.QuerySession();
            var members = await session.Query<Member>().ToListAsync(ct);
            var institutions = await session.Query<Institution>().Where(i => i.MemberId != null).ToListAsync(ct);
            var plans = await session.Query<Plan>().ToListAsync(ct);
            var commitments = await session.Query<Commitment>().Select(c => new { c.Code, c.PlanId }).ToListAsync(ct);
            var reports = await session.Query<ReviewReport>().ToListAsync(ct);
            return new KnownState
            {
                Members = members.ToDictionary(m => m.Code),
                Institutions = institutions.GroupBy(i => (i.MemberId!.Value, i.Name)).ToDictionary(g => g.Key, g => g.First()),
                Plans = plans.GroupBy(p => (p.MemberId, p.Number)).ToDictionary(g => g.Key, g => g.OrderBy(p => p.RegisteredAt).First()),
                PlansById = plans.ToDictionary(p => p.Id),
                CommitmentPlans = commitments.ToDictionary(c => c.Code, c => c.PlanId, StringComparer.Ordinal),
                Reports = reports.ToDictionary(r => r.Id),
            };
        }

        public void Remember(RowDecision decision)
        {
            if (decision.NewMember is { } member) Members[member.Code] = member;
            foreach (var institution in decision.NewInstitutions) Institutions[(institution.MemberId!.Value, institution.Name)] = institution;
            Plans[(decision.Plan.MemberId, decision.Plan.Number)] = decision.Plan;
            PlansById[decision.Plan.Id] = decision.Plan;
            CommitmentPlans[decision.Code] = decision.Plan.Id;
            foreach (var report in decision.Reports) Reports[report.Id] = report;
        }
    }

    private sealed class Counter
    {
        private int members, institutions, plans, commitments, reports, assessments;

        public void Add(RowDecision decision)
        {
            members += decision.NewMember is null ? 0 : 1;
            institutions += decision.NewInstitutions.Count;
            plans += decision.NewPlan ? 1 : 0;
            commitments++;
            reports += decision.OpenedReports;
            assessments += decision.Assessments;
        }

        public ImportCounts ToCounts() => new(members, institutions, plans, commitments, reports, assessments);
    }
}
