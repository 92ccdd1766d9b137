using Tracker.Reminders;

namespace Tracker.Tests.Reminders;

/// <summary>The digest goes once a day at its hour (UTC): the next one is today's until that hour, tomorrow's after.</summary>
public class scheduling_the_digest
{
    private static readonly ReminderOptions SixInTheMorning = new() { SendAt = "06:00" };

    [Theory]
    [InlineData("2024-06-30T05:59:00Z", "2024-06-30")]
    [InlineData("2024-06-30T06:00:00Z", "2024-07-01")]
    [InlineData("2024-06-30T23:00:00Z", "2024-07-01")]
    public void the_next_digest_is_todays_until_its_hour(string now, string day)
    {
        ReminderSchedule.NextDay(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), SixInTheMorning)
            .ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void a_digest_goes_at_its_hour_utc()
    {
        ReminderSchedule.InstantOf(new DateOnly(2024, 6, 30), SixInTheMorning).ShouldBe(new DateTimeOffset(2024, 6, 30, 6, 0, 0, TimeSpan.Zero));
    }
}
