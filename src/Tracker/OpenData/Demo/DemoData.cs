using Marten;
using Microsoft.Extensions.Options;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Milestones;
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

    private async Task<Nap5Load> LoadUsNap5Async(CancellationToken ct)
    {
        var commitments = UsNap5Commitments();
        var now = clock.GetUtcNow();
        await using var query = store.QuerySession();
        var member = await query.Query<Member>().FirstOrDefaultAsync(m => m.Code == "US", ct);
        var memberId = member?.Id ?? Guid.CreateVersion7();
        var plan = member is null ? null : await query.Query<Plan>().FirstOrDefaultAsync(p => p.MemberId == memberId && p.Number == 5, ct);
        var planId = plan?.Id ?? Guid.CreateVersion7();
        var institutions = (await query.Query<Institution>().Where(i => i.MemberId == memberId).ToListAsync(ct))
            .GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var present = (await query.Query<Commitment>().Where(c => c.PlanId == planId).Select(c => c.Code).ToListAsync(ct)).ToHashSet();

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
            if (member is null)
            {
                session.Events.StartStream<Member>(memberId, new MemberRegistered(memberId, "United States", "US", MemberKind.National, "Americas", LoaderUser, now));
                member = new Member(memberId, "United States", "US", MemberKind.National, "Americas", now);
            }
            if (plan is null)
            {
                // NAP5 was published on 28 December 2022 for 2023-2024; the OGP data files it under 2022-2024.
                plan = new Plan(planId, memberId, 5, "United States Fifth Open Government National Action Plan", new DateOnly(2022, 12, 28),
                    new DateOnly(2024, 12, 31), new DateOnly(2023, 12, 31), PlanStatus.Active, now, now);
                session.Events.StartStream<Plan>(planId, new PlanRegistered(planId, memberId, plan.Number, plan.Title, plan.PeriodStart, plan.PeriodEnd,
                    plan.MidtermCutoff, LoaderUser, now));
            }
            var newInstitutions = new Dictionary<string, Guid>();
            if (!institutions.TryGetValue(commitment.LeadAgency, out var leadId))
            {
                leadId = Guid.CreateVersion7();
                newInstitutions[commitment.LeadAgency] = leadId;
                session.Events.StartStream<Institution>(leadId, new InstitutionRegistered(leadId, memberId, commitment.LeadAgency, InstitutionKind.Government, LoaderUser, now));
            }

            var commitmentId = Guid.CreateVersion7();
            var text = new CommitmentText(commitment.Title, null, commitment.Detail, leadId, [], commitment.SupportingAgencies, null, null,
                [commitment.Theme], []);
            session.Events.StartStream<Commitment>(commitmentId, new CommitmentRegistered(commitmentId, planId, commitment.Code,
                (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text, null, LoaderUser, now));
            foreach (var milestone in commitment.Milestones)
            {
                var milestoneId = Guid.CreateVersion7();
                session.Events.StartStream<Milestone>(milestoneId,
                    new MilestonePlanned(milestoneId, commitmentId, planId, milestone.Number, milestone.Text, null, plan.PeriodStart, plan.PeriodEnd, 1m, LoaderUser, now),
                    new MilestoneProgressReported(milestoneId, commitmentId, planId, milestone.AugustLevel, null, milestone.AugustNarrative,
                        milestone.AugustEvidence, UsNap5.AugustRound, LoaderUser, leadId, now),
                    new MilestoneProgressReported(milestoneId, commitmentId, planId, milestone.Status, null, milestone.FebruaryNarrative,
                        milestone.FebruaryEvidence, UsNap5.FebruaryRound, LoaderUser, leadId, now));
            }
            await session.SaveChangesAsync(ct);
            foreach (var (name, id) in newInstitutions) institutions[name] = id;
            loaded = new Nap5Load(loaded.Commitments + 1, loaded.AlreadyPresent, loaded.Milestones + commitment.Milestones.Count,
                loaded.ProgressReports + 2 * commitment.Milestones.Count);
        }
        return loaded;
    }

    /// <summary>
    /// Loads a commitment copied from its OGP page: its plan (and member) unless Tracker holds them, its institutions,
    /// the commitment and its milestones in one transaction; then its imported midterm review, published as any
    /// imported review is (<see cref="PublishReviewReportHandler.Freeze"/>). False when Tracker already holds it.
    /// </summary>
    private async Task<bool> LoadSeedCommitmentAsync(SeedCommitment seed, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Guid planId, reportId;
        await using (var query = store.QuerySession())
        {
            if (await query.Query<Commitment>().AnyAsync(c => c.Code == seed.Code, ct)) return false;
            var member = await query.Query<Member>().FirstOrDefaultAsync(m => m.Code == seed.MemberCode, ct);
            var memberId = member?.Id ?? Guid.CreateVersion7();
            var plan = member is null ? null : await query.Query<Plan>().FirstOrDefaultAsync(p => p.MemberId == memberId && p.Number == seed.PlanNumber, ct);
            planId = plan?.Id ?? Guid.CreateVersion7();
            reportId = ReviewReport.IdFor(planId, ReportKind.Midterm);
            var institutions = (await query.Query<Institution>().Where(i => i.MemberId == memberId).ToListAsync(ct))
                .GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First().Id);
            var reportExists = await query.LoadAsync<ReviewReport>(reportId, ct) is not null;

            await using var session = OpenDataSessions.Open(store, LoaderUser);
            if (member is null)
                session.Events.StartStream<Member>(memberId, new MemberRegistered(memberId, seed.MemberName, seed.MemberCode, MemberKind.National, null, LoaderUser, now));
            if (plan is null)
                session.Events.StartStream<Plan>(planId, new PlanRegistered(planId, memberId, seed.PlanNumber, seed.PlanTitle, seed.PlanStart, seed.PlanEnd,
                    seed.MidtermCutoff, LoaderUser, now));
            Guid InstitutionId(string name)
            {
                if (institutions.TryGetValue(name, out var id)) return id;
                id = Guid.CreateVersion7();
                institutions[name] = id;
                session.Events.StartStream<Institution>(id, new InstitutionRegistered(id, memberId, name, InstitutionKind.Government, LoaderUser, now));
                return id;
            }
            var commitmentId = Guid.CreateVersion7();
            var text = new CommitmentText(seed.Title, seed.ShortTitle, seed.FullText, InstitutionId(seed.LeadInstitution),
                [InstitutionId(seed.SupportingInstitution)], seed.SupportingText, seed.Start, seed.End, seed.PolicyAreas, []);
            session.Events.StartStream<Commitment>(commitmentId, new CommitmentRegistered(commitmentId, planId, seed.Code, seed.Number, text, null, LoaderUser, now));
            foreach (var m in seed.Milestones)
            {
                var milestoneId = Guid.CreateVersion7();
                session.Events.StartStream<Milestone>(milestoneId, new MilestonePlanned(milestoneId, commitmentId, planId, m.Number, m.Text, null,
                    seed.Start, m.PlannedEnd, 1m, LoaderUser, now));
            }
            // The IRM researcher's assessment with the review's text as its reason, then the IRM's published value
            // recorded as final by the import's reviewer, as the OGP import records it (a panel lists the reasons of
            // its reviewers' assessments; a final value carries none).
            var assessments = seed.Midterm.SelectMany(a => new[] { (Reviewer: IrmResearcher, IsFinal: false), (Reviewer: OgpImport.ImportReviewer, IsFinal: true) }
                .Select(by => (object)new AssessmentRecorded(reportId, planId, commitmentId, a.Indicator,
                    a.Value switch { RatingText.NotAssessed => RatingState.NotAssessed, RatingText.NotApplicable => RatingState.NotApplicable, _ => RatingState.Assessed },
                    a.Value is RatingText.NotAssessed or RatingText.NotApplicable ? null : a.Value, by.IsFinal ? null : a.Rationale, by.Reviewer, by.IsFinal, now)))
                .ToList();
            if (reportExists) session.Events.Append(reportId, assessments);
            else session.Events.StartStream<ReviewReport>(reportId,
                [new ReviewReportOpened(reportId, planId, ReportKind.Midterm, seed.MidtermCutoff, StarRule.Irm2015, Imported: true, LoaderUser, now), .. assessments]);
            await session.SaveChangesAsync(ct);
        }
        await using (var session = OpenDataSessions.Open(store, LoaderUser))
        {
            if (await session.LoadAsync<ReviewReport>(reportId, ct) is { Status: ReportStatus.Draft, Imported: true } report)
            {
                session.Events.Append(reportId, await PublishReviewReportHandler.Freeze(session, report, LoaderUser, now, ct));
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
