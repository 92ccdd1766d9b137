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

namespace Tracker.OpenData.Demo;

/// <summary>What loading the US NAP5 tracker did.</summary>
public sealed record Nap5Load(int Commitments, int AlreadyPresent, int Milestones, int ProgressReports);

/// <summary>What loading the demo set did.</summary>
public sealed record DemoLoad(Nap5Load UsNap5, ImportReport OgpSample);

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

    /// <summary>Loads both parts of the demo set.</summary>
    public async Task<DemoLoad> LoadAsync(IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var nap5 = await LoadUsNap5Async(ct);
        var (file, problem) = OgpCsv.Read(Resource("ogp-commitments-sample.csv"));
        if (problem is not null) throw new InvalidOperationException("The shipped OGP sample is unreadable: " + problem.Message);
        var sample = await import.RunAsync(file!, new ImportRun(LoaderUser, DryRun: false), progress, ct);
        return new DemoLoad(nap5, sample);
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
        return 0;
    }
}
