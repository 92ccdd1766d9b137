using Tracker.Infrastructure;
using Tracker.Plans;

namespace Tracker.Tests.Plans;

public class ending_a_plan
{
    private static readonly DateTimeOffset At = new(2018, 7, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Admin = new("admin-1", TrackerRole.Admin, null);
    private static readonly TimeProvider Clock = new Reviews.FixedClock(At);

    private static readonly Plan Plan = new(Guid.Parse("0190a000-0000-7000-8000-000000000020"), Guid.Parse("0190a000-0000-7000-8000-000000000021"), 3,
        "Netherlands 2016-2018 National Action Plan", new DateOnly(2016, 1, 1), new DateOnly(2018, 6, 30), new DateOnly(2016, 12, 31), PlanStatus.Active, At, At)
    { Version = 2 };

    private static EndPlan End(string? endedOn) => new(Plan.Id, endedOn is null ? null : DateOnly.Parse(endedOn), null, Admin);

    [Theory]
    [InlineData("2016-01-01")]
    [InlineData("2017-09-15")]
    [InlineData("2018-06-30")]
    public void a_day_within_the_period_ends_the_plan_on_that_day(string endedOn)
    {
        var (_, events) = EndPlanHandler.Handle(End(endedOn), Plan, Clock);

        events.ShouldHaveSingleItem().ShouldBeOfType<PlanEnded>().EndedOn.ShouldBe(DateOnly.Parse(endedOn));
    }

    [Fact]
    public void no_day_ends_the_plan_at_the_end_of_its_period()
    {
        var (_, events) = EndPlanHandler.Handle(End(null), Plan, Clock);

        events.ShouldHaveSingleItem().ShouldBeOfType<PlanEnded>().EndedOn.ShouldBe(new DateOnly(2018, 6, 30));
    }

    [Theory]
    [InlineData("2015-12-31")]
    [InlineData("2018-07-01")]
    [InlineData("9999-12-31")]
    public void a_day_outside_the_period_is_refused_naming_the_end(string endedOn)
    {
        var refused = Should.Throw<TrackerRuleBroken>(() => EndPlanHandler.Handle(End(endedOn), Plan, Clock));

        refused.Field.ShouldBe("endedOn");
        refused.Message.ShouldContain("2016-01-01 to 2018-06-30");
    }
}
