using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Plans;
using Tracker.PublicSite;
using Tracker.Reviews;
using Tracker.Reviews.Pages;

namespace Tracker.Commitments.Pages;

/// <summary>One review's entry for the commitment, with the comments on it and its corrections.</summary>
public sealed record ReviewOfCommitment(ReviewView Review, CommitmentReview Entry, IReadOnlyList<PublicComment> Comments, IReadOnlyList<Erratum> Errata);

/// <summary>A change to the commitment, in words; <c>At</c> is null where the record keeps no date for it.</summary>
public sealed record CommitmentChange(DateTimeOffset? At, string Words);

/// <summary>The commitment page: the same <see cref="CommitmentPage"/> the JSON read answers, its reviews, its history, similar commitments.</summary>
public sealed record CommitmentPageModel(CommitmentPage Page, Plan? Plan, Member? Member, IReadOnlyList<ReviewOfCommitment> Reviews,
    IReadOnlyList<CommitmentChange> History, IReadOnlyList<SimilarCommitment> Similar, SiteAsOf AsOf);

/// <summary>The commitment pages.</summary>
public static class CommitmentPages
{
    /// <summary>Maps <c>/commitments/{code}</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/commitments/{code}", static async Task<IResult> (string code, string? asOf, IQuerySession session, HttpContext http,
                CancellationToken ct) =>
            {
                if (!SitePages.TryAsOf(http, asOf, out var at, out var refusal)) return refusal!;
                // The public's page: read as nobody in particular, so private evidence never reaches it whoever asks.
                if (await CommitmentPage.LoadAsync(session, code, at.Instant, reader: null,
                        http.RequestServices.GetRequiredService<TimeProvider>(), ct) is not { } page)
                    return SitePages.NotFound(http, at.Instant is null ? $"Tracker holds no commitment “{code}”." : $"Tracker held no commitment “{code}” on that day.");
                return SitePages.Render<PublicCommitmentPage>(http, await ModelAsync(session, page, at, ct));
            })
            .ExcludeFromDescription();

    /// <summary>Everything the page shows beside the commitment page itself.</summary>
    public static async Task<CommitmentPageModel> ModelAsync(IQuerySession session, CommitmentPage page, SiteAsOf at, CancellationToken ct)
    {
        var plan = await AsOf.Load<Plan>(session, page.PlanId, at.Instant, ct);
        var member = plan is null ? null : await session.LoadAsync<Member>(plan.MemberId, ct);
        var reviews = new List<ReviewOfCommitment>();
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            if (await PublicReviews.LoadAsync(session, page.PlanId, kind, at.Instant, ct) is not { } review) continue;
            if (review.Commitments.FirstOrDefault(c => c.CommitmentId == page.Id) is not { } entry) continue;
            reviews.Add(new ReviewOfCommitment(review, entry,
                review.Comments.Where(c => string.Equals(c.CommitmentCode, page.Code, StringComparison.OrdinalIgnoreCase)).ToList(),
                review.Errata.Where(e => e.CommitmentId == page.Id).ToList()));
        }
        return new CommitmentPageModel(page, plan, member, reviews, await HistoryAsync(session, page, at.Instant, ct),
            await SimilarCommitments.FindAsync(session, page, ct), at);
    }

    private static async Task<IReadOnlyList<CommitmentChange>> HistoryAsync(IQuerySession session, CommitmentPage page, DateTimeOffset? asOf,
        CancellationToken ct)
    {
        var events = asOf is { } at
            ? await session.Events.FetchStreamAsync(page.Id, timestamp: at.ToUniversalTime(), token: ct)
            : await session.Events.FetchStreamAsync(page.Id, token: ct);
        var texts = events.Select(e => e.Data).OfType<CommitmentRegistered>().Select(r => r.Text)
            .Concat(events.Select(e => e.Data).OfType<CommitmentRevised>().Select(r => r.Text)).ToList();
        var names = (await session.LoadManyAsync<Institution>(ct, texts.SelectMany(t => t.CoLeads.Prepend(t.LeadInstitutionId)).Distinct()))
            .ToDictionary(i => i.Id, i => i.Name);
        string Name(Guid id) => id == CommitmentText.LeadNotNamed ? "no institution the plan names"
            : names.GetValueOrDefault(id) ?? "an institution Tracker does not name";
        string Leads(CommitmentText text) => text.CoLeads.Count == 0 ? Name(text.LeadInstitutionId)
            : $"{Name(text.LeadInstitutionId)} with {string.Join(", ", text.CoLeads.Select(Name))}";

        var changes = new List<CommitmentChange>();
        CommitmentText? previous = null;
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case CommitmentRegistered r:
                    changes.Add(new(r.RegisteredAt, $"Registered as {r.Code}, commitment {r.Number} of the plan, led by {Leads(r.Text)}."));
                    previous = r.Text;
                    break;
                case CommitmentRevised r:
                    changes.Add(new(r.RevisedAt, Revision(previous, r.Text, Name) + $" Reason given: {r.Reason}"));
                    previous = r.Text;
                    break;
                case CommitmentWithdrawn w:
                    changes.Add(new(w.WithdrawnAt, $"Withdrawn from the plan. Reason given: {w.Reason}"));
                    break;
                case CommitmentSourceCellsRecorded s:
                    changes.Add(new(s.RecordedAt, $"{s.Cells.Count} cells of {s.Source} kept as published, for the columns Tracker does not model."));
                    break;
                case CommitmentClustered c:
                    changes.Add(new(c.ClusteredAt, $"Placed by the IRM in the cluster “{c.Cluster}”, rated together with its other commitments."));
                    break;
            }
        }
        foreach (var m in page.Milestones)
        {
            foreach (var move in m.Rebaselines)
                changes.Add(new(move.RebaselinedAt, $"Milestone {m.Number}’s planned end moved from {Words.Day(move.PreviousEnd)} to {Words.Day(move.NewEnd)}. Justification: {move.Justification}"));
            if (m.Withdrawn) changes.Add(new(null, $"Milestone {m.Number} withdrawn. Reason given: {m.WithdrawnReason}"));
        }
        return changes.OrderBy(c => c.At ?? DateTimeOffset.MaxValue).ToList();
    }

    private static string Revision(CommitmentText? before, CommitmentText after, Func<Guid, string> name)
    {
        if (before is null) return "Revised.";
        var what = new List<string>();
        if (before.Title != after.Title) what.Add($"title changed from “{before.Title}” to “{after.Title}”");
        if (before.LeadInstitutionId != after.LeadInstitutionId)
            what.Add($"lead institution changed from {name(before.LeadInstitutionId)} to {name(after.LeadInstitutionId)}");
        if (!before.CoLeads.SequenceEqual(after.CoLeads)) what.Add("co-lead institutions changed");
        if (before.Start != after.Start) what.Add($"start date changed from {Words.Day(before.Start)} to {Words.Day(after.Start)}");
        if (before.End != after.End) what.Add($"end date changed from {Words.Day(before.End)} to {Words.Day(after.End)}");
        if (before.FullText != after.FullText) what.Add("commitment text revised");
        if (before.ShortTitle != after.ShortTitle) what.Add("short title changed");
        if (!before.SupportingInstitutionIds.SequenceEqual(after.SupportingInstitutionIds) || before.SupportingInstitutionsText != after.SupportingInstitutionsText)
            what.Add("supporting institutions changed");
        if (!before.PolicyAreas.SequenceEqual(after.PolicyAreas)) what.Add($"policy areas now {string.Join(", ", after.PolicyAreas)}");
        if (!before.ClaimedValues.SequenceEqual(after.ClaimedValues)) what.Add("claimed OGP values changed");
        return what.Count == 0 ? "Revised (no visible change)." : "Revised: " + string.Join("; ", what) + ".";
    }
}
