using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.OpenData.Demo;
using Tracker.Reminders;
using Wolverine;

namespace Tracker.IntegrationTests.Reminders;

/// <summary>Sends the digest message as the schedule would, through Wolverine, and waits for its handler.</summary>
public static class Digests
{
    public static async Task Send(TrackerApp host, SendReminderDigests message)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }
}

/// <summary>The demo set, with mail going to an SMTP sink this fixture starts on loopback.</summary>
public sealed class DemoWithMail : TrackerApp
{
    /// <summary>The sink the host sends to.</summary>
    public SmtpSink Sink { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tracker:Reminders:Smtp:Host"] = "127.0.0.1",
        ["Tracker:Reminders:Smtp:Port"] = Sink.Port.ToString(),
        ["Tracker:Reminders:Smtp:Security"] = "None",
        ["Tracker:Reminders:Smtp:From"] = "tracker@example.org",
        ["Tracker:Reminders:DefaultRecipient"] = "point-of-contact@example.org",
        ["Tracker:SiteUrl"] = "https://tracker.example",
        // The tests send each day's digest themselves; a scheduled one could take a day before them.
        ["Tracker:Reminders:ScheduleDaily"] = "false",
    };

    protected override void Configure(IServiceCollection services) =>
        services.PostConfigure<DemoDataOptions>(options => options.LoadDemoData = true);
}

/// <summary>
/// Reminders of milestones due within 14 days and overdue ones, per institution: an Atom feed, and a daily digest by
/// e-mail through the configured SMTP server (a Wolverine message that schedules the next day's).
/// </summary>
public class sending_reminders(DemoWithMail app) : IClassFixture<DemoWithMail>
{
    // The US NAP5 milestones the API itself calls overdue today (by the host's clock), as "USxxxx milestone n".
    private async Task<IReadOnlyList<string>> OverdueUsMilestones()
    {
        var plan = (await app.Anonymous().Get<JsonElement[]>("/api/plans?member=US")).ShouldHaveSingleItem();
        var commitments = await app.Anonymous().Get<JsonElement[]>($"/api/plans/{plan.GetProperty("id").GetGuid()}/commitments");
        var overdue = new List<string>();
        foreach (var code in commitments.Select(c => c.GetProperty("code").GetString()!))
        {
            var page = await app.Anonymous().Get<JsonElement>($"/api/commitments/{code}");
            overdue.AddRange(page.GetProperty("milestones").EnumerateArray().Where(m => m.GetProperty("overdue").GetBoolean())
                .Select(m => $"{code} milestone {m.GetProperty("number").GetInt32()}: overdue since"));
        }
        return overdue;
    }

    private DateOnly Today => Tracker.Infrastructure.Days.Of(app.Services.GetRequiredService<TimeProvider>());

    [Fact]
    public async Task the_digest_for_the_demo_data_lists_the_us_nap5_overdue_milestones()
    {
        var overdue = await OverdueUsMilestones();
        await Digests.Send(app, new SendReminderDigests(Today));
        var mails = app.Sink.Mails;

        overdue.ShouldNotBeEmpty();
        mails.ShouldNotBeEmpty();
        mails.ShouldAllBe(m => m.To.SequenceEqual(new[] { "point-of-contact@example.org" }) && m.From == "tracker@example.org");
        var all = string.Join("\n", mails.Select(m => m.Data));
        foreach (var line in overdue) all.ShouldContain(line);
        all.ShouldContain("https://tracker.example/workbench/commitments");
    }

    [Fact]
    public async Task a_day_s_digest_goes_once_whatever_the_number_of_messages()
    {
        var day = Today.AddDays(-1);
        await Digests.Send(app, new SendReminderDigests(day));
        var after = app.Sink.Mails.Count;

        await Digests.Send(app, new SendReminderDigests(day));

        app.Sink.Mails.Count.ShouldBe(after);
    }

    [Fact]
    public async Task the_feed_of_an_institution_lists_its_overdue_milestones()
    {
        var us0113 = await app.Anonymous().Get<JsonElement>("/api/commitments/US0113");
        var lead = us0113.GetProperty("leadInstitution").GetProperty("id").GetGuid();
        var expected = us0113.GetProperty("milestones").EnumerateArray().Where(m => m.GetProperty("overdue").GetBoolean())
            .Select(m => $"US0113 milestone {m.GetProperty("number").GetInt32()}: overdue since").ToList();

        var response = await app.Anonymous().GetAsync($"/institutions/{lead}/reminders.atom");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());

        await response.ShouldHaveStatus(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var titles = feed.Descendants(XName.Get("title", "http://www.w3.org/2005/Atom")).Select(t => t.Value).ToList();
        foreach (var line in expected) titles.ShouldContain(t => t.StartsWith(line, StringComparison.Ordinal));
    }
}

/// <summary>Without an SMTP server nothing is sent and nothing is scheduled.</summary>
public class sending_no_mail_without_a_server(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task no_mail_is_sent_when_no_server_is_configured()
    {
        await using var sink = new SmtpSink();
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Quietland", "QL");
        var lead = await Arrange.Institution(admin, member, "Ministry of Quiet");
        var plan = await Arrange.Plan(admin, member, "Quiet plan", "2016-01-01", "2018-06-30", 1);
        await Arrange.Milestone(admin, await Arrange.Commitment(admin, plan, "QL0001", lead), "2016-03-01", "2017-03-01");

        await Digests.Send(app, new SendReminderDigests(new DateOnly(2017, 6, 30)));

        sink.Mails.ShouldBeEmpty();
        await using var session = app.Store.QuerySession();
        (await session.LoadAsync<ReminderDigestsSent>("2017-06-30")).ShouldBeNull();
    }
}
