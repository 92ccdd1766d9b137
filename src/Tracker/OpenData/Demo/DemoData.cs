using Marten;
using Microsoft.Extensions.Options;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Milestones;
using Tracker.Milestones.Reporting;
using Tracker.OpenData.Importing;
using Tracker.Plans;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.OpenData.Demo;

/// <summary>What loading the US NAP5 tracker did.</summary>
public sealed record Nap5Load(int Commitments, int AlreadyPresent, int Milestones, int ProgressReports);

/// <summary>What loading the demo set did.</summary>
/// <param name="SeedCommitments">Commitments copied from OGP commitment pages (NL0025) that this load added.</param>
public sealed record DemoLoad(Nap5Load UsNap5, ImportReport OgpSample, int SeedCommitments);

/// <summary><c>Tracker:LoadDemoData</c>: load the demo set on start-up when the database holds no plan (<c>make run</c> sets it).</summary>
public sealed class DemoDataOptions
{
    /// <summary>True to load the demo set into an empty database.</summary>
    public bool LoadDemoData { get; set; }
}

/// <summary>
/// The demo set, shipped inside the assembly (never read from elsewhere at run time): the US Fifth National Action
/// Plan tracker (<c>us-nap5/</c>, CC0) and the OGP/IRM sample (<c>ogp-commitments-sample.csv</c>, CC BY 4.0).
/// Loading is idempotent: what Tracker already holds (by commitment code) is left alone, the rest is added, one
/// transaction per commitment. Events are never deleted, so "reloading" the demo adds back what is missing.
/// </summary>
public sealed class DemoData(IDocumentStore store, OgpImport import, TimeProvider clock)
{
    /// <summary>Who the demo's events are recorded as.</summary>
    public const string LoaderUser = "demo-loader";

    private const string ResourcePrefix = "demo/";

    /// <summary>Who wrote the IRM's text of a commitment copied from its OGP page.</summary>
    public const string IrmResearcher = "irm-researcher";

    /// <summary>Loads both parts of the demo set.</summary>
    public async Task<DemoLoad> LoadAsync(IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var nap5 = await LoadUsNap5Async(ct);
        var (file, problem) = OgpCsv.Read(Resource("ogp-commitments-sample.csv"));
        if (problem is not null) throw new InvalidOperationException("The shipped OGP sample is unreadable: " + problem.Message);
        var sample = await import.RunAsync(file!, new ImportRun(LoaderUser, DryRun: false), progress, ct);
        // After the sample, so the Netherlands is the sample's member and NL0025's plan sits beside its other plans.
        var seeds = await LoadSeedCommitmentAsync(SeedCommitment.Read(Resource("nl-2016-2018/NL0025.md")), ct) ? 1 : 0;
        return new DemoLoad(nap5, sample, seeds);
    }

    /// <summary>The US NAP5 commitments as shipped.</summary>
    public static IReadOnlyList<Nap5Commitment> UsNap5Commitments() =>
        UsNap5.Read(typeof(DemoData).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix + "us-nap5/", StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            .Select(name => (name, Resource(name[ResourcePrefix.Length..]))));

    private static string Resource(string name)
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream(ResourcePrefix + name)
                           ?? throw new InvalidOperationException($"The demo resource {name} is not in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Every event comes from its slice's decision: the loader registers as an admin and reports progress as staff of
    // the commitment's lead institution, so it passes the same rules as a person entering the same facts.
    private async Task<Nap5Load> LoadUsNap5Async(CancellationToken ct)
    {
        var commitments = UsNap5Commitments();
        var now = clock.GetUtcNow();
        var admin = new Caller(LoaderUser, TrackerRole.Admin, null);
        await using var query = store.QuerySession();
        var member = await query.Query<Member>().FirstOrDefaultAsync(m => m.Code == "US", ct);
        var plan = member is null ? null : await query.Query<Plan>().FirstOrDefaultAsync(p => p.MemberId == member.Id && p.Number == 5, ct);
        var institutions = member is null ? [] : (await query.Query<Institution>().Where(i => i.MemberId == member.Id).ToListAsync(ct))
            .GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First());
        var present = plan is null ? [] : (await query.Query<Commitment>().Where(c => c.PlanId == plan.Id).Select(c => c.Code).ToListAsync(ct)).ToHashSet();

        var loaded = new Nap5Load(0, 0, 0, 0);
        foreach (var (commitment, index) in commitments.Select((c, i) => (c, i)))
        {
            if (present.Contains(commitment.Code))
            {
                loaded = loaded with { AlreadyPresent = loaded.AlreadyPresent + 1 };
                continue;
            }
            // One transaction per commitment: the commitment, its milestones and their progress, or nothing.
            await using var session = OpenDataSessions.Open(store, LoaderUser);
            var (memberNow, planNow) = (member, plan);
            if (memberNow is null)
            {
                var registered = RegisterMemberHandler.Decide(new RegisterMember(Guid.CreateVersion7(), "United States", "US", MemberKind.National, "Americas", admin), null, now);
                session.Events.StartStream<Member>(registered.MemberId, registered);
                memberNow = Member.Create(registered);
            }
            if (planNow is null)
            {
                // NAP5 was published on 28 December 2022 for 2023-2024; the OGP data files it under 2022-2024.
                var registered = RegisterPlanHandler.Decide(new RegisterPlan(Guid.CreateVersion7(), memberNow.Id, 5,
                    "United States Fifth Open Government National Action Plan", new DateOnly(2022, 12, 28), new DateOnly(2024, 12, 31),
                    new DateOnly(2023, 12, 31), admin), memberNow, now);
                session.Events.StartStream<Plan>(registered.PlanId, registered);
                planNow = Plan.Create(registered);
            }
            var newInstitutions = new Dictionary<string, Institution>();
            if (!institutions.TryGetValue(commitment.LeadAgency, out var lead))
            {
                var registered = RegisterInstitutionHandler.Decide(new RegisterInstitution(Guid.CreateVersion7(), memberNow.Id, commitment.LeadAgency,
                    InstitutionKind.Government, admin), memberNow, null, now);
                session.Events.StartStream<Institution>(registered.InstitutionId, registered);
                lead = newInstitutions[commitment.LeadAgency] = Institution.Create(registered);
            }

            var text = new CommitmentText(commitment.Title, null, commitment.Detail, lead.Id, [], commitment.SupportingAgencies, null, null,
                [commitment.Theme], []);
            var commitmentRegistered = RegisterCommitmentHandler.Decide(new RegisterCommitment(Guid.CreateVersion7(), planNow.Id, commitment.Code,
                (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text, null, admin),
                new CommitmentRegistrationContext(planNow, memberNow, [lead], null), now);
            session.Events.StartStream<Commitment>(commitmentRegistered.CommitmentId, commitmentRegistered);
            var context = new MilestoneContext(Commitment.Create(commitmentRegistered), planNow);
            var leadStaff = new Caller(LoaderUser, TrackerRole.Ministry, lead.Id);
            var numbers = new List<int>();
            foreach (var milestone in commitment.Milestones)
            {
                var planned = PlanMilestoneHandler.Decide(new PlanMilestone(Guid.CreateVersion7(), commitmentRegistered.CommitmentId, milestone.Number,
                    milestone.Text, null, planNow.PeriodStart, planNow.PeriodEnd, 1m, admin), context, new TakenMilestoneNumbers(numbers), now);
                numbers.Add(planned.Number);
                var state = Milestone.Create(planned);
                state.Version = 1;
                var events = new List<object> { planned };
                foreach (var (level, narrative, evidence, asOf) in new[]
                         {
                             (milestone.AugustLevel, milestone.AugustNarrative, milestone.AugustEvidence, UsNap5.AugustRound),
                             (milestone.Status, milestone.FebruaryNarrative, milestone.FebruaryEvidence, UsNap5.FebruaryRound),
                         })
                {
                    var reported = ReportMilestoneProgressHandler.Decide(new ReportMilestoneProgress(planned.MilestoneId, level, null, narrative,
                        evidence, asOf, null, leadStaff), state, context, now);
                    var version = state.Version;
                    state = state.Apply(reported);
                    state.Version = version + 1;
                    events.Add(reported);
                }
                session.Events.StartStream<Milestone>(planned.MilestoneId, [.. events]);
            }
            await session.SaveChangesAsync(ct);
            (member, plan) = (memberNow, planNow);
            foreach (var (name, institution) in newInstitutions) institutions[name] = institution;
            loaded = new Nap5Load(loaded.Commitments + 1, loaded.AlreadyPresent, loaded.Milestones + commitment.Milestones.Count,
                loaded.ProgressReports + 2 * commitment.Milestones.Count);
        }
        return loaded;
    }

    /// <summary>
    /// Loads a commitment copied from its OGP page: its plan (and member) unless Tracker holds them, its institutions,
    /// the commitment and its milestones in one transaction; then its imported midterm review — the IRM researcher's
    /// assessments with the review's text as their reasons, and the IRM's published values as final — published as any
    /// imported review is. Every event comes from its slice's decision. False when Tracker already holds it.
    /// </summary>
    private async Task<bool> LoadSeedCommitmentAsync(SeedCommitment seed, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var admin = new Caller(LoaderUser, TrackerRole.Admin, null);
        Guid reportId;
        await using (var query = store.QuerySession())
        {
            if (await query.Query<Commitment>().AnyAsync(c => c.Code == seed.Code, ct)) return false;
            var member = await query.Query<Member>().FirstOrDefaultAsync(m => m.Code == seed.MemberCode, ct);
            var plan = member is null ? null : await query.Query<Plan>().FirstOrDefaultAsync(p => p.MemberId == member.Id && p.Number == seed.PlanNumber, ct);
            var institutions = member is null ? [] : (await query.Query<Institution>().Where(i => i.MemberId == member.Id).ToListAsync(ct))
                .GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First());

            await using var session = OpenDataSessions.Open(store, LoaderUser);
            if (member is null)
            {
                var registered = RegisterMemberHandler.Decide(new RegisterMember(Guid.CreateVersion7(), seed.MemberName, seed.MemberCode, MemberKind.National, null, admin), null, now);
                session.Events.StartStream<Member>(registered.MemberId, registered);
                member = Member.Create(registered);
            }
            if (plan is null)
            {
                var registered = RegisterPlanHandler.Decide(new RegisterPlan(Guid.CreateVersion7(), member.Id, seed.PlanNumber, seed.PlanTitle, seed.PlanStart,
                    seed.PlanEnd, seed.MidtermCutoff, admin), member, now);
                session.Events.StartStream<Plan>(registered.PlanId, registered);
                plan = Plan.Create(registered);
            }
            reportId = ReviewReport.IdFor(plan.Id, ReportKind.Midterm);
            var existingReport = await query.LoadAsync<ReviewReport>(reportId, ct);
            Institution InstitutionNamed(string name)
            {
                if (institutions.TryGetValue(name, out var known)) return known;
                var registered = RegisterInstitutionHandler.Decide(new RegisterInstitution(Guid.CreateVersion7(), member.Id, name, InstitutionKind.Government, admin),
                    member, null, now);
                session.Events.StartStream<Institution>(registered.InstitutionId, registered);
                return institutions[name] = Institution.Create(registered);
            }
            var lead = InstitutionNamed(seed.LeadInstitution);
            var supporting = InstitutionNamed(seed.SupportingInstitution);
            var text = new CommitmentText(seed.Title, seed.ShortTitle, seed.FullText, lead.Id, [supporting.Id], seed.SupportingText, seed.Start, seed.End,
                seed.PolicyAreas, []);
            var registeredCommitment = RegisterCommitmentHandler.Decide(new RegisterCommitment(Guid.CreateVersion7(), plan.Id, seed.Code, seed.Number, text, null, admin),
                new CommitmentRegistrationContext(plan, member, [lead, supporting], null), now);
            session.Events.StartStream<Commitment>(registeredCommitment.CommitmentId, registeredCommitment);
            var commitment = Commitment.Create(registeredCommitment);
            var context = new MilestoneContext(commitment, plan);
            var numbers = new List<int>();
            foreach (var m in seed.Milestones)
            {
                var planned = PlanMilestoneHandler.Decide(new PlanMilestone(Guid.CreateVersion7(), commitment.Id, m.Number, m.Text, null, seed.Start,
                    m.PlannedEnd, 1m, admin), context, new TakenMilestoneNumbers(numbers), now);
                numbers.Add(planned.Number);
                session.Events.StartStream<Milestone>(planned.MilestoneId, planned);
            }

            // The report, folded in memory as each decision is taken, so the next decision sees what the last one did.
            var events = new List<object>();
            var report = existingReport;
            void Fold(object e)
            {
                report = e is ReviewReportOpened opened ? ReviewReport.Started(opened) : report!.Then(e);
                events.Add(e);
            }
            if (report is null)
                Fold(OpenReviewReportHandler.Decide(new OpenReviewReport(reportId, plan.Id, ReportKind.Midterm, seed.MidtermCutoff, StarRule.Irm2015, admin,
                    ReportOrigin.ImportedIrmPublication), new ReportOpeningContext(plan, null), now));
            foreach (var e in AssignReviewerHandler.Decide(new AssignReviewer(reportId, IrmResearcher, "IRM researcher", null, false, null, admin), report!, null, now))
                Fold(e);
            var researcher = new Caller(IrmResearcher, TrackerRole.Reviewer, null);
            foreach (var a in seed.Midterm)
            {
                // The researcher's assessment with the review's text as its reason, then the IRM's published value as final.
                Fold(RecordAssessmentHandler.Decide(new RecordAssessment(reportId, commitment.Id, a.Score, a.Rationale, false, null, researcher),
                    report!, commitment, now));
                Fold(RecordAssessmentHandler.Decide(new RecordAssessment(reportId, commitment.Id, a.Score, null, true, null, admin,
                    ReportOrigin.ImportedIrmPublication), report!, commitment, now));
            }
            if (existingReport is null) session.Events.StartStream<ReviewReport>(reportId, [.. events]);
            else session.Events.Append(reportId, existingReport.Version + events.Count, [.. events]);
            await session.SaveChangesAsync(ct);
        }
        await using (var session = OpenDataSessions.Open(store, LoaderUser))
        {
            if (await session.LoadAsync<ReviewReport>(reportId, ct) is { Status: ReportStatus.Draft, Imported: true } report)
            {
                var publish = new PublishReviewReport(reportId, null, admin);
                session.Events.Append(reportId, report.Version + 1,
                    PublishReviewReportHandler.Decide(publish, report, await PublishReviewReportHandler.LoadAsync(publish, session, ct), now));
                await session.SaveChangesAsync(ct);
            }
        }
        return true;
    }
}

/// <summary>Loads the demo set on start-up when <c>Tracker:LoadDemoData</c> is true and the database holds no plan.</summary>
public sealed class DemoDataOnFirstRun(IOptions<DemoDataOptions> options, DemoData demo, IDocumentStore store, ILogger<DemoDataOnFirstRun> logger)
    : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.LoadDemoData) return;
        await using (var session = store.QuerySession())
        {
            if (await session.Query<Plan>().AnyAsync(cancellationToken))
            {
                logger.LogInformation("Demo data not loaded: the database already holds plans (make demo adds back what is missing)");
                return;
            }
        }
        var load = await demo.LoadAsync(null, cancellationToken);
        logger.LogInformation("Demo data loaded: US NAP5 {Commitments} commitments, {Milestones} milestones, {Reports} progress reports; "
            + "OGP sample {Taken} commitments taken, {Refused} refused, {Reviews} IRM reviews published",
            load.UsNap5.Commitments, load.UsNap5.Milestones, load.UsNap5.ProgressReports, load.OgpSample.Taken, load.OgpSample.Refused,
            load.OgpSample.PublishedReviews.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary><c>demo</c>: loads whatever part of the demo set the database lacks (<c>make demo</c>).</summary>
public static class DemoCommand
{
    /// <summary>Runs the verb.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.Services.GetRequiredService<DatabaseStartup>().StartAsync(CancellationToken.None);
        var progress = new TerminalProgress("OGP sample");
        var load = await app.Services.GetRequiredService<DemoData>().LoadAsync(progress, CancellationToken.None);
        progress.Done();
        await Console.Error.WriteLineAsync($"US NAP5: {load.UsNap5.Commitments} commitments loaded ({load.UsNap5.Milestones} milestones, "
            + $"{load.UsNap5.ProgressReports} progress reports), {load.UsNap5.AlreadyPresent} already present.");
        await ImportSummary.WriteAsync(Console.Error, load.OgpSample, "OGP sample");
        await Console.Error.WriteLineAsync($"Commitments copied from OGP pages (NL0025): {load.SeedCommitments} loaded.");
        return 0;
    }
}
