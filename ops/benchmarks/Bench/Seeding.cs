// Seeds a realistic store through the slices' own decisions (as the demo loader does), written with COPY: members with eight biennial plans since 2011, 20 commitments a plan,
// 5 milestones a commitment, 9 progress reports a milestone (10 events a milestone stream, ~1,020 events a plan).
using JasperFx.Events;
using Marten;
using Marten.Events;
using Tracker.Dashboard;
using Weasel.Core;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Milestones;
using Tracker.Milestones.Reporting;
using Tracker.Plans;
using Tracker.Ratings;

namespace Bench;

public sealed record SeededMilestone(Guid Id, Guid InstitutionId);

public sealed record SeededPlan(Guid PlanId, Guid MemberId, string FirstCode, IReadOnlyList<SeededMilestone> Milestones);

/// <summary>
/// Events and the documents their projections make, written with COPY (Marten's bulk event and document inserts):
/// the inline documents folded by the same Create/Apply methods Marten calls, the plan dashboards by the async
/// projection's own methods. The append pipeline would take ~30 minutes for 1M events on this machine.
/// </summary>
public sealed class Batch(IDocumentStore store)
{
    private static readonly DateTimeOffset Timestamp = DateTimeOffset.UtcNow;
    private readonly List<StreamAction> _streams = [];
    private readonly List<object> _documents = [];
    private readonly PlanDashboardProjection _projection = new();
    private readonly IEventRegistry _registry = (IEventRegistry)((DocumentStore)store).Options.Events;

    public Dictionary<Guid, PlanDashboard> Dashboards { get; } = [];
    public int Events { get; private set; }

    public Batch Stream<T>(Guid id, object[] events, object document)
    {
        var action = StreamAction.Start(_registry, id, events);
        action.AggregateType = typeof(T);
        foreach (var e in action.Events)
        {
            e.Id = Guid.CreateVersion7();
            e.Timestamp = Timestamp;
        }
        switch (document)
        {
            case Member x: x.Version = events.Length; break;
            case Institution x: x.Version = events.Length; break;
            case Plan x: x.Version = events.Length; break;
            case Commitment x: x.Version = events.Length; break;
        }
        _streams.Add(action);
        _documents.Add(document);
        Events += events.Length;
        foreach (var e in action.Events) Project(e);
        return this;
    }

    public void Milestone(Guid id, List<object> events)
    {
        var action = StreamAction.Start(_registry, id, [.. events]);
        action.AggregateType = typeof(Milestone);
        Milestone? state = null;
        foreach (var e in action.Events)
        {
            e.Id = Guid.CreateVersion7();
            e.Timestamp = Timestamp;
            state = e.Data switch
            {
                MilestonePlanned planned => Tracker.Milestones.Milestone.Create(planned),
                MilestoneProgressReported reported => state!.Apply(reported),
                _ => throw new InvalidOperationException(e.Data.GetType().Name),
            };
            if (e.Data is MilestoneProgressReported r)
                _documents.Add(new ProgressRecord(e.Id, r.MilestoneId, r.CommitmentId, r.PlanId, ProgressReport.Of(r)));
            Project(e);
        }
        state!.Version = events.Count;
        _streams.Add(action);
        _documents.Add(state);
        Events += events.Count;
    }

    private void Project(IEvent e)
    {
        switch (e.Data)
        {
            case PlanRegistered plan: Dashboards[plan.PlanId] = _projection.Create(plan); break;
            case CommitmentRegistered c: _projection.Apply((IEvent<CommitmentRegistered>)e, Dashboards[c.PlanId]); break;
            case MilestonePlanned m: _projection.Apply(m, Dashboards[m.PlanId]); break;
            case MilestoneProgressReported r: _projection.Apply((IEvent<MilestoneProgressReported>)e, Dashboards[r.PlanId]); break;
        }
    }

    /// <summary>Writes what the batch holds; the number of events written.</summary>
    public async Task<int> FlushAsync(bool replaceDashboards = false)
    {
        var events = Events;
        if (_streams.Count > 0) await store.BulkInsertEventsAsync(_streams, 5_000);
        if (_documents.Count > 0) await store.BulkInsertDocumentsAsync(_documents, BulkInsertMode.InsertsOnly, 5_000);
        if (Dashboards.Count > 0) await store.BulkInsertDocumentsAsync(Dashboards.Values, replaceDashboards ? BulkInsertMode.OverwriteExisting : BulkInsertMode.InsertsOnly, 1_000);
        _streams.Clear();
        _documents.Clear();
        Dashboards.Clear();
        Events = 0;
        return events;
    }
}

public sealed class Seeder(IDocumentStore store)
{
    public const int PlansPerMember = 8;
    public const int CommitmentsPerPlan = 20;
    public const int MilestonesPerCommitment = 5;
    public const int ReportsPerMilestone = 9;
    private const int InstitutionsPerMember = 4;
    private static readonly Caller Admin = new("bench-admin", TrackerRole.Admin, null);
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public List<SeededPlan> Plans { get; } = [];
    public long Events { get; private set; }

    /// <summary>Seeds members from <paramref name="fromMember"/> up to <paramref name="toMember"/> (exclusive), in COPY batches, two at a time.</summary>
    public async Task SeedMembersAsync(int fromMember, int toMember)
    {
        var next = fromMember;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var batch = new Batch(store);
            int m;
            while ((m = Interlocked.Increment(ref next) - 1) < toMember)
            {
                SeedMember(batch, m);
                if (batch.Events > 20_000) Count(await batch.FlushAsync());
            }
            Count(await batch.FlushAsync());
        })));
        Plans.Sort((a, b) => string.CompareOrdinal(a.FirstCode, b.FirstCode));
    }

    private void Count(int events)
    {
        lock (Plans) Events += events;
    }

    private void SeedMember(Batch batch, int m)
    {
        var registered = RegisterMemberHandler.Decide(new RegisterMember(Guid.CreateVersion7(), $"Bench member {m}", MemberCode(m), MemberKind.National, null, Admin), null, Now);
        var member = Member.Create(registered);
        batch.Stream<Member>(member.Id, [registered], member);
        var institutions = new Institution[InstitutionsPerMember];
        for (var i = 0; i < InstitutionsPerMember; i++)
        {
            var inst = RegisterInstitutionHandler.Decide(new RegisterInstitution(Guid.CreateVersion7(), member.Id, $"Ministry {i} of {member.Name}",
                InstitutionKind.Government, Admin), member, null, Now);
            batch.Stream<Institution>(inst.InstitutionId, [inst], institutions[i] = Institution.Create(inst));
        }
        for (var p = 0; p < PlansPerMember; p++)
        {
            var start = new DateOnly(2011 + 2 * p, 1, 1);
            var registeredPlan = RegisterPlanHandler.Decide(new RegisterPlan(Guid.CreateVersion7(), member.Id, p + 1, $"{member.Name} plan {p + 1}", start,
                start.AddYears(2).AddDays(-1), start.AddYears(1).AddDays(-1), Admin), member, Now);
            var plan = Plan.Create(registeredPlan);
            batch.Stream<Plan>(plan.Id, [registeredPlan], plan);
            var seeded = SeedPlan(batch, member, plan, institutions, p);
            lock (Plans) Plans.Add(seeded);
        }
    }

    private static SeededPlan SeedPlan(Batch batch, Member member, Plan plan, Institution[] institutions, int planNumber)
    {
        var milestones = new List<SeededMilestone>();
        string? first = null;
        for (var c = 0; c < CommitmentsPerPlan; c++)
        {
            var lead = institutions[c % institutions.Length];
            var code = $"{member.Code}{planNumber * CommitmentsPerPlan + c + 1:0000}";
            first ??= code;
            var text = new CommitmentText($"Commitment {code}: open contracting for {member.Name}", null,
                "Publish every contract above the threshold with its amendments, in the Open Contracting Data Standard.", lead.Id, [], null,
                plan.PeriodStart, plan.PeriodEnd, ["Open contracting", "Fiscal openness"], []);
            var registered = RegisterCommitmentHandler.Decide(new RegisterCommitment(Guid.CreateVersion7(), plan.Id, code, $"{c + 1:00}", text, null, Admin),
                new CommitmentRegistrationContext(plan, member, [lead], null), Now);
            var commitment = Commitment.Create(registered);
            batch.Stream<Commitment>(commitment.Id, [registered], commitment);
            var context = new MilestoneContext(commitment, plan);
            var staff = new Caller("bench-ministry", TrackerRole.Ministry, lead.Id);
            var numbers = new List<int>();
            for (var n = 1; n <= MilestonesPerCommitment; n++)
            {
                var id = Guid.CreateVersion7();
                batch.Milestone(id, MilestoneEvents(id, commitment.Id, n, context, numbers, staff, ReportsPerMilestone));
                milestones.Add(new SeededMilestone(id, lead.Id));
            }
        }
        return new SeededPlan(plan.Id, plan.MemberId, first!, milestones);
    }

    /// <summary>A milestone stream of 1 + <paramref name="reports"/> events, each report from the slice's decision.</summary>
    public static List<object> MilestoneEvents(Guid id, Guid commitmentId, int number, MilestoneContext context, List<int> numbers, Caller staff, int reports)
    {
        var plan = context.Plan;
        var planned = PlanMilestoneHandler.Decide(new PlanMilestone(id, commitmentId, number, $"Milestone {number}: publish the register", null,
            plan.PeriodStart, plan.PeriodEnd, 1m, Admin), context, new TakenMilestoneNumbers(numbers), Now);
        numbers.Add(number);
        var state = Milestone.Create(planned);
        state.Version = 1;
        var events = new List<object> { planned };
        var days = plan.PeriodEnd.DayNumber - plan.PeriodStart.DayNumber;
        for (var r = 0; r < reports; r++)
        {
            var asOf = plan.PeriodStart.AddDays((int)((long)days * (r + 1) / (reports + 1)));
            var level = (r * 4 / Math.Max(reports, 1)) switch { 0 => ProgressLevel.NotStarted, 1 => ProgressLevel.Limited, 2 => ProgressLevel.Substantial, _ => ProgressLevel.Complete };
            var percent = level switch { ProgressLevel.NotStarted => 0, ProgressLevel.Complete => 100, _ => 10 + 80 * r / Math.Max(reports, 1) };
            var reported = ReportMilestoneProgressHandler.Decide(new ReportMilestoneProgress(id, level, percent,
                $"Round {r + 1}: {percent} percent of the contracts published, with their amendments.",
                [new Evidence("Contract register", $"https://contracts.example.org/{id:N}/{r}", EvidenceVisibility.Public)], asOf, null, staff), state, context, Now);
            var version = state.Version;
            state = state.Apply(reported);
            state.Version = version + 1;
            events.Add(reported);
        }
        return events;
    }

    /// <summary>One commitment whose milestones have streams of 10, 100 and 1,000 events, for the stream-length rows.</summary>
    public async Task<(Guid Short, Guid Medium, Guid Long, Guid Institution)> SeedLongStreamsAsync(SeededPlan target)
    {
        await using var query = store.QuerySession();
        var plan = (await query.LoadAsync<Plan>(target.PlanId))!;
        var member = (await query.LoadAsync<Member>(target.MemberId))!;
        var institution = (await query.Query<Institution>().Where(i => i.MemberId == member.Id).ToListAsync()).OrderBy(i => i.Name).First();
        var dashboard = (await query.LoadAsync<PlanDashboard>(plan.Id))!;
        var batch = new Batch(store);
        batch.Dashboards[plan.Id] = dashboard;
        var registered = RegisterCommitmentHandler.Decide(new RegisterCommitment(Guid.CreateVersion7(), plan.Id, $"{member.Code}9999", "99",
            new CommitmentText("Long-running commitment", null, null, institution.Id, [], null, plan.PeriodStart, plan.PeriodEnd, [], []), null, Admin),
            new CommitmentRegistrationContext(plan, member, [institution], null), Now);
        var commitment = Commitment.Create(registered);
        batch.Stream<Commitment>(commitment.Id, [registered], commitment);
        var context = new MilestoneContext(commitment, plan);
        var staff = new Caller("bench-ministry", TrackerRole.Ministry, institution.Id);
        var numbers = new List<int>();
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };
        foreach (var (id, events, n) in new[] { (ids[0], 10, 1), (ids[1], 100, 2), (ids[2], 1000, 3) })
            batch.Milestone(id, MilestoneEvents(id, commitment.Id, n, context, numbers, staff, events - 1));
        Events += await batch.FlushAsync(replaceDashboards: true);
        return (ids[0], ids[1], ids[2], institution.Id);
    }

    // XAA, XAB, … then YAA, ZAA (the 10M-event store's 1,250 members): every member's code is the prefix of its commitments' codes.
    private static string MemberCode(int m) => $"{(char)('X' + m / 676)}{(char)('A' + m / 26 % 26)}{(char)('A' + m % 26)}";
}
