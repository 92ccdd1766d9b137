using System.Globalization;
using System.Text;
using System.Xml;
using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.PublicSite;

namespace Tracker.Reminders;

/// <summary>
/// <c>/institutions/{id}/reminders.atom</c>: an Atom feed (RFC 4287) of the institution's overdue milestones and those due
/// within 14 days, as of today by the host's clock. Public: planned dates and overdue work are on the public pages already.
/// </summary>
public static class ReminderFeed
{
    /// <summary>Maps the feed.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/institutions/{id}/reminders.atom", static async Task<IResult> (string id, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                if (!Guid.TryParse(id, out var institutionId) || await session.LoadAsync<Institution>(institutionId, ct) is not { } institution)
                    return SitePages.NotFound(http, $"Tracker holds no institution “{id}”.");
                var today = http.Today();
                var reminders = await DueReminders.LoadAsync(session, institutionId, today, ct);
                return Results.Text(Atom(SiteOrigin.Of(http), http.Request.Path, institution.Name, today, reminders),
                    "application/atom+xml; charset=utf-8", Encoding.UTF8);
            })
            .ExcludeFromDescription();

    /// <summary>The feed's XML.</summary>
    public static string Atom(string origin, string path, string institution, DateOnly today, IReadOnlyList<MilestoneReminder> reminders)
    {
        const string atom = "http://www.w3.org/2005/Atom";
        var updated = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("title", atom, FeedText.Valid($"Milestones due and overdue: commitments led by {institution}"));
            xml.WriteElementString("id", atom, FeedText.Valid(origin + path));
            xml.WriteElementString("updated", atom, updated);
            xml.WriteStartElement("link", atom);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", FeedText.Valid(origin + path));
            xml.WriteEndElement();
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, "Tracker");
            xml.WriteEndElement();
            foreach (var r in reminders)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, FeedText.Valid(Line(r, today)));
                // One entry per milestone and planned end: a moved date is news, the same date every day is not.
                xml.WriteElementString("id", atom, FeedText.Valid($"urn:tracker:reminder:{r.MilestoneId:N}:{r.PlannedEnd:yyyyMMdd}:{(r.Overdue ? "overdue" : "due")}"));
                xml.WriteElementString("updated", atom, updated);
                xml.WriteStartElement("link", atom);
                xml.WriteAttributeString("rel", "alternate");
                xml.WriteAttributeString("href", FeedText.Valid($"{origin}/commitments/{r.Code}#milestone-{r.Number}"));
                xml.WriteEndElement();
                xml.WriteStartElement("content", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(FeedText.Valid(r.Text));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>One reminder in words, as the feed and the e-mail say it.</summary>
    public static string Line(MilestoneReminder r, DateOnly today) => r.Overdue
        ? $"{r.Code} milestone {r.Number}: overdue since {Words.Day(r.PlannedEnd)}"
        : $"{r.Code} milestone {r.Number}: due {Words.Day(r.PlannedEnd)} (in {Words.Count(r.PlannedEnd.DayNumber - today.DayNumber, "day", "days")})";
}
