using System.Globalization;
using System.Text;
using System.Xml;
using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Milestones;
using Tracker.Plans;
using Tracker.PublicSite;

namespace Tracker.Dashboard.Feeds;

/// <summary>One progress report as a feed entry.</summary>
public sealed record ProgressEntry(Guid MilestoneId, string Code, int MilestoneNumber, ProgressReport Report);

/// <summary>
/// Atom feeds (RFC 4287) of progress updates, per plan and per lead institution: what a journalist subscribes to so
/// as not to miss a report. Written with <see cref="XmlWriter"/>: the format is small and a package would add nothing.
/// Only public evidence appears, as on every public page.
/// </summary>
public static class ProgressFeeds
{
    /// <summary>The most entries a feed carries, newest first.</summary>
    public const int Entries = 50;

    /// <summary>Maps <c>/plans/{id}/updates.atom</c> and <c>/institutions/{id}/updates.atom</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/plans/{id}/updates.atom", static async Task<IResult> (string id, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                if (!Guid.TryParse(id, out var planId) || await session.LoadAsync<Plan>(planId, ct) is not { } plan)
                    return SitePages.NotFound(http, $"Tracker holds no plan “{id}”.");
                var commitments = await session.Query<Commitment>().Where(c => c.PlanId == planId).ToListAsync(ct);
                var milestones = await session.Query<Milestone>().Where(m => m.PlanId == planId).ToListAsync(ct);
                var progress = await ProgressHistory.OfPlanAsync(session, planId, ct);
                return Feed(http, $"Progress updates: {plan.Title}", $"/plans/{planId}", EntriesOf(commitments, milestones, progress));
            })
            .ExcludeFromDescription();

        app.MapGet("/institutions/{id}/updates.atom", static async Task<IResult> (string id, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                if (!Guid.TryParse(id, out var institutionId) || await session.LoadAsync<Institution>(institutionId, ct) is not { } institution)
                    return SitePages.NotFound(http, $"Tracker holds no institution “{id}”.");
                var commitments = await session.Query<Commitment>().Where(c => c.Text.LeadInstitutionId == institutionId).ToListAsync(ct);
                var ids = commitments.Select(c => c.Id).ToArray();
                var milestones = ids.Length == 0 ? [] : await session.Query<Milestone>().Where(m => m.CommitmentId.IsOneOf(ids)).ToListAsync(ct);
                var progress = ids.Length == 0 ? [] : await session.Query<ProgressRecord>().Where(r => r.CommitmentId.IsOneOf(ids)).ToListAsync(ct);
                var home = commitments.Count > 0 ? $"/plans/{commitments[0].PlanId}" : "/";
                return Feed(http, $"Progress updates: commitments led by {institution.Name}", home, EntriesOf(commitments, milestones, progress));
            })
            .ExcludeFromDescription();
    }

    private static IReadOnlyList<ProgressEntry> EntriesOf(IReadOnlyList<Commitment> commitments, IReadOnlyList<Milestone> milestones,
        IReadOnlyList<ProgressRecord> records)
    {
        var codes = commitments.ToDictionary(c => c.Id, c => c.Code);
        var progress = ProgressHistory.ByMilestone(records);
        return milestones
            .SelectMany(m => progress[m.Id].Select(p => new ProgressEntry(m.Id, codes.GetValueOrDefault(m.CommitmentId) ?? "", m.Number, p.PublicOnly())))
            .OrderByDescending(e => e.Report.ReportedAt).ThenByDescending(e => e.Report.AsOf).ThenBy(e => e.Code, StringComparer.Ordinal)
            .ThenBy(e => e.MilestoneNumber)
            .Take(Entries).ToList();
    }

    private static IResult Feed(HttpContext http, string title, string pagePath, IReadOnlyList<ProgressEntry> entries)
    {
        var origin = SiteOrigin.Of(http);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("title", atom, FeedText.Valid(title));
            xml.WriteElementString("id", atom, FeedText.Valid(origin + http.Request.Path));
            xml.WriteElementString("updated", atom, Instant(entries.Count > 0 ? entries[0].Report.ReportedAt : DateTimeOffset.UnixEpoch));
            Link(xml, "self", origin + http.Request.Path, "application/atom+xml");
            Link(xml, "alternate", origin + pagePath, "text/html");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, "Tracker");
            xml.WriteEndElement();
            foreach (var e in entries)
            {
                var r = e.Report;
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, FeedText.Valid($"{e.Code} milestone {e.MilestoneNumber}: {Words.Sentence(r.Level.ToString())} as of {Words.Day(r.AsOf)}"));
                // Stable per report: the milestone and the instant it was recorded.
                xml.WriteElementString("id", atom, $"urn:tracker:progress:{e.MilestoneId:N}:{r.ReportedAt.UtcTicks}");
                xml.WriteElementString("updated", atom, Instant(r.ReportedAt));
                Link(xml, "alternate", $"{origin}/commitments/{e.Code}#milestone-{e.MilestoneNumber}", "text/html");
                xml.WriteStartElement("author", atom);
                xml.WriteElementString("name", atom, FeedText.Valid(r.ReportedBy));
                xml.WriteEndElement();
                xml.WriteStartElement("content", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(FeedText.Valid(r.Narrative + string.Concat(r.Evidence.Select(ev => $"\nEvidence: {ev.Title} <{ev.Url}>"))));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Results.Text(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal),
            "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", FeedText.Valid(href));
        xml.WriteEndElement();
    }

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
