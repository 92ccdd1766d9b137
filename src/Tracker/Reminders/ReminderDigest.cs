using System.Globalization;
using Marten;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Wolverine;

namespace Tracker.Reminders;

/// <summary>The daily digest (<c>Tracker:Reminders</c>): the SMTP server, who receives each institution's digest, and when it goes.</summary>
public sealed class ReminderOptions
{
    /// <summary>The SMTP server; without a host no mail is ever sent (and no digest is scheduled).</summary>
    public SmtpSettings Smtp { get; set; } = new();
    /// <summary>Addresses (comma-separated) per institution, by its id or its exact name.</summary>
    public Dictionary<string, string> Recipients { get; set; } = new();
    /// <summary>Who receives the digest of an institution with no address of its own (e.g. the point of contact); none: not sent.</summary>
    public string? DefaultRecipient { get; set; }
    /// <summary>False: nothing is scheduled at start-up (the digest goes only when its message is sent).</summary>
    public bool ScheduleDaily { get; set; } = true;
    /// <summary>The time of day (UTC) the digest goes, e.g. <c>06:00</c>.</summary>
    public string SendAt { get; set; } = "06:00";
}

/// <summary>An SMTP server.</summary>
public sealed class SmtpSettings
{
    /// <summary>Host name; empty: mail is off.</summary>
    public string? Host { get; set; }
    /// <summary>Port.</summary>
    public int Port { get; set; } = 25;
    /// <summary>Auto (TLS on 465, STARTTLS where offered), None, StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    /// <summary>User name, when the server wants one.</summary>
    public string? UserName { get; set; }
    /// <summary>Password.</summary>
    public string? Password { get; set; }
    /// <summary>The sender.</summary>
    public string From { get; set; } = "tracker@localhost";
}

/// <summary>Send every institution its digest of the milestones due and overdue on <paramref name="Day"/>.</summary>
public sealed record SendReminderDigests(DateOnly Day);

/// <summary>Marks a day's digests as sent, so a duplicate message (a restart scheduled one more) sends nothing twice.</summary>
public sealed class ReminderDigestsSent
{
    /// <summary>The day, yyyy-MM-dd.</summary>
    public string Id { get; set; } = "";
    /// <summary>How many mails went.</summary>
    public int Mails { get; set; }
    /// <summary>When.</summary>
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>One institution's digest.</summary>
public sealed record Digest(Institution Institution, IReadOnlyList<string> To, IReadOnlyList<MilestoneReminder> Reminders)
{
    /// <summary>The subject line.</summary>
    public string Subject => $"Tracker: {Reminders.Count(r => r.Overdue)} overdue, {Reminders.Count(r => !r.Overdue)} due within {DueReminders.HorizonDays} days — {Institution.Name}";

    /// <summary>The text of the mail.</summary>
    public string Body(DateOnly day, string? siteUrl) =>
        $"Milestones of the commitments {Institution.Name} leads, as of {PublicSite.Words.Day(day)}:\n\n"
        + string.Join("\n", Reminders.Select(r => "- " + ReminderFeed.Line(r, day) + (siteUrl is null ? "" : $"\n  {siteUrl}/commitments/{r.Code}#milestone-{r.Number}")))
        + "\n\nReport progress or move a date on your workbench" + (siteUrl is null ? "." : $": {siteUrl}/workbench/commitments")
        + "\n";
}

/// <summary>
/// Sends the daily digests through the configured SMTP server, once per day, then schedules the next day's (a Wolverine
/// scheduled message, kept in the durable inbox across restarts).
/// </summary>
public static class SendReminderDigestsHandler
{
    /// <summary>Sends the day's digests unless they went already or mail is off; returns the next day's message, scheduled.</summary>
    public static async Task<object[]> Handle(SendReminderDigests command, IDocumentStore store, IOptions<ReminderOptions> options,
        IConfiguration configuration, TimeProvider clock, ILogger<ReminderOptions> logger, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host)) return [];
        var id = command.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ReminderDigestsSent>(id, ct) is not null) return [];

        var digests = await DigestsAsync(session, settings, command.Day, ct);
        if (digests.Count > 0)
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, ct);
            if (settings.Smtp.UserName is { Length: > 0 } user) await smtp.AuthenticateAsync(user, settings.Smtp.Password ?? "", ct);
            foreach (var digest in digests)
            {
                var mail = new MimeMessage { Subject = digest.Subject };
                mail.From.Add(MailboxAddress.Parse(settings.Smtp.From));
                foreach (var to in digest.To) mail.To.Add(MailboxAddress.Parse(to));
                mail.Body = new TextPart("plain") { Text = digest.Body(command.Day, configuration["Tracker:SiteUrl"]) };
                await smtp.SendAsync(mail, ct);
            }
            await smtp.DisconnectAsync(quit: true, ct);
        }
        session.Store(new ReminderDigestsSent { Id = id, Mails = digests.Count, SentAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Reminder digests for {Day}: {Mails} mails", id, digests.Count);
        if (!settings.ScheduleDaily) return [];
        var next = command.Day.AddDays(1);
        return [new SendReminderDigests(next).ScheduledAt(ReminderSchedule.InstantOf(next, settings))];
    }

    /// <summary>Every institution's digest for <paramref name="day"/>: those with reminders and someone to send them to.</summary>
    public static async Task<IReadOnlyList<Digest>> DigestsAsync(IQuerySession session, ReminderOptions settings, DateOnly day, CancellationToken ct)
    {
        var reminders = await DueReminders.LoadAsync(session, institutionId: null, day, ct);
        var institutions = (await session.LoadManyAsync<Institution>(ct, reminders.Select(r => r.LeadInstitutionId).Distinct())).OrderBy(i => i.Name);
        var digests = new List<Digest>();
        foreach (var institution in institutions)
        {
            var to = settings.Recipients.GetValueOrDefault(institution.Id.ToString()) ?? settings.Recipients.GetValueOrDefault(institution.Name) ?? settings.DefaultRecipient;
            if (string.IsNullOrWhiteSpace(to)) continue;
            digests.Add(new Digest(institution, to.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                reminders.Where(r => r.LeadInstitutionId == institution.Id).ToList()));
        }
        return digests;
    }
}

/// <summary>Schedules the first digest when the application has started, if mail is configured.</summary>
public sealed class ReminderSchedule(IHostApplicationLifetime lifetime, IServiceProvider services, IOptions<ReminderOptions> options, TimeProvider clock,
    ILogger<ReminderSchedule> logger) : IHostedService
{
    /// <summary>The instant the digest of <paramref name="day"/> goes.</summary>
    public static DateTimeOffset InstantOf(DateOnly day, ReminderOptions settings) =>
        new(day.ToDateTime(TimeOnly.TryParse(settings.SendAt, CultureInfo.InvariantCulture, out var at) ? at : new TimeOnly(6, 0)), TimeSpan.Zero);

    /// <summary>The next day whose digest is still to go, as of <paramref name="now"/>.</summary>
    public static DateOnly NextDay(DateTimeOffset now, ReminderOptions settings)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return InstantOf(today, settings) > now ? today : today.AddDays(1);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Smtp.Host) || !options.Value.ScheduleDaily) return Task.CompletedTask;
        // After start-up: Wolverine's own hosted service must be running before anything is scheduled.
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                var day = NextDay(clock.GetUtcNow(), options.Value);
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(new SendReminderDigests(day), InstantOf(day, options.Value));
            }
            catch (Exception failed)
            {
                logger.LogError(failed, "Could not schedule the reminder digest");
            }
        }));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The reminders slice: the feed, the digest and its schedule.</summary>
public static class RemindersModule
{
    /// <summary>Registers the options, the sent-marker document and the schedule.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration("Tracker:Reminders");
        services.ConfigureMarten(options => options.Schema.For<ReminderDigestsSent>());
        services.AddHostedService<ReminderSchedule>();
        return services;
    }

    /// <summary>Maps <c>/institutions/{id}/reminders.atom</c>.</summary>
    public static IEndpointRouteBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        ReminderFeed.Map(app);
        return app;
    }
}
