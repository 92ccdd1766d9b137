using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class computed_completion
{
    private static readonly ProgressLevel?[] Reported =
        [null, ProgressLevel.NotStarted, ProgressLevel.Limited, ProgressLevel.Substantial, ProgressLevel.Complete];

    private static IEnumerable<MilestoneStatus> Statuses(decimal weight) =>
        from latest in Reported
        from withdrawn in new[] { false, true }
        select new MilestoneStatus(latest, withdrawn, weight);

    // product.md §4 read literally, with the half-test as a share rather than a doubled sum.
    private static Rated<Completion> Expected(IReadOnlyList<MilestoneStatus> milestones)
    {
        if (milestones.Count == 0)
        {
            return Rated.NotAssessed<Completion>();
        }

        var live = milestones.Where(milestone => !milestone.Withdrawn).ToList();
        if (live.Count == 0)
        {
            return Rated.Of(Completion.Withdrawn);
        }

        var levels = live.Select(milestone => milestone.Latest ?? ProgressLevel.NotStarted).ToList();
        if (levels.TrueForAll(level => level == ProgressLevel.Complete))
        {
            return Rated.Of(Completion.Complete);
        }

        if (levels.TrueForAll(level => level == ProgressLevel.NotStarted))
        {
            return Rated.Of(Completion.NotStarted);
        }

        var equalWeights = live.TrueForAll(milestone => milestone.Weight == 0m);
        var weights = live.Select(milestone => equalWeights ? 1m : milestone.Weight).ToList();
        var advancedShare = weights.Where((_, index) => levels[index] >= ProgressLevel.Substantial).Sum() / weights.Sum();
        return Rated.Of(advancedShare >= 0.5m ? Completion.Substantial : Completion.Limited);
    }

    public static TheoryData<MilestoneStatus[], Rated<Completion>> every_combination_of_up_to_three_equal_milestones
    {
        get
        {
            var data = new TheoryData<MilestoneStatus[], Rated<Completion>>();
            var one = Statuses(1m).ToList();
            IEnumerable<MilestoneStatus[]> lists =
            [
                [],
                .. one.Select(a => new[] { a }),
                .. from a in one from b in one select new[] { a, b },
                .. from a in one from b in one from c in one select new[] { a, b, c },
            ];
            foreach (var list in lists)
            {
                data.Add(list, Expected(list));
            }

            return data;
        }
    }

    public static TheoryData<MilestoneStatus[], Rated<Completion>> every_combination_of_up_to_two_weighted_milestones
    {
        get
        {
            var data = new TheoryData<MilestoneStatus[], Rated<Completion>>();
            var weighted = new[] { 0m, 1m, 3m }.SelectMany(Statuses).ToList();
            IEnumerable<MilestoneStatus[]> lists =
            [
                .. weighted.Select(a => new[] { a }),
                .. from a in weighted from b in weighted select new[] { a, b },
            ];
            foreach (var list in lists)
            {
                data.Add(list, Expected(list));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_combination_of_up_to_three_equal_milestones))]
    public void completion_follows_the_milestones_counted_equally(MilestoneStatus[] milestones, Rated<Completion> expected) =>
        ComputedCompletion.From(milestones).ShouldBe(expected);

    [Theory]
    [MemberData(nameof(every_combination_of_up_to_two_weighted_milestones))]
    public void completion_follows_the_milestones_by_weight(MilestoneStatus[] milestones, Rated<Completion> expected) =>
        ComputedCompletion.From(milestones).ShouldBe(expected);

    [Fact]
    public void the_tables_are_the_full_cross_products()
    {
        every_combination_of_up_to_three_equal_milestones.Count().ShouldBe(1 + 10 + 100 + 1000);
        every_combination_of_up_to_two_weighted_milestones.Count().ShouldBe(30 + 900);
    }

    private static MilestoneStatus Live(ProgressLevel? latest, decimal weight = 1m) => new(latest, false, weight);

    private static MilestoneStatus Dropped(ProgressLevel? latest = null) => new(latest, true);

    public static TheoryData<string, MilestoneStatus[], Rated<Completion>> named_cases => new()
    {
        { "no milestones", [], Rated.NotAssessed<Completion>() },
        { "every milestone withdrawn", [Dropped(), Dropped(ProgressLevel.Limited)], Rated.Of(Completion.Withdrawn) },
        { "every live milestone complete, one withdrawn", [Live(ProgressLevel.Complete), Dropped()], Rated.Of(Completion.Complete) },
        { "nothing reported yet", [Live(null), Live(null)], Rated.Of(Completion.NotStarted) },
        { "reported as not started", [Live(ProgressLevel.NotStarted), Live(null)], Rated.Of(Completion.NotStarted) },
        { "one begun, limited", [Live(ProgressLevel.Limited), Live(null)], Rated.Of(Completion.Limited) },
        { "exactly half substantial", [Live(ProgressLevel.Substantial), Live(ProgressLevel.NotStarted)], Rated.Of(Completion.Substantial) },
        { "one of three complete", [Live(ProgressLevel.Complete), Live(ProgressLevel.Limited), Live(null)], Rated.Of(Completion.Limited) },
        { "two of three substantial or complete", [Live(ProgressLevel.Complete), Live(ProgressLevel.Substantial), Live(null)], Rated.Of(Completion.Substantial) },
        { "withdrawn milestones do not count against completion", [Live(ProgressLevel.Substantial), Dropped(), Dropped()], Rated.Of(Completion.Substantial) },
        { "a heavy complete milestone carries a light limited one", [Live(ProgressLevel.Complete, 3m), Live(ProgressLevel.Limited, 1m)], Rated.Of(Completion.Substantial) },
        { "a light complete milestone does not carry a heavy limited one", [Live(ProgressLevel.Complete, 1m), Live(ProgressLevel.Limited, 3m)], Rated.Of(Completion.Limited) },
        { "weights that balance exactly reach half", [Live(ProgressLevel.Substantial, 2.5m), Live(ProgressLevel.Limited, 2.5m)], Rated.Of(Completion.Substantial) },
        { "a zero weight does not count", [Live(ProgressLevel.Complete, 0m), Live(ProgressLevel.Limited, 1m)], Rated.Of(Completion.Limited) },
        { "all-zero weights count equally", [Live(ProgressLevel.Complete, 0m), Live(ProgressLevel.Limited, 0m)], Rated.Of(Completion.Substantial) },
    };

    [Theory]
    [MemberData(nameof(named_cases))]
    public void the_named_cases_hold(string example, MilestoneStatus[] milestones, Rated<Completion> expected)
    {
        _ = example;
        ComputedCompletion.From(milestones).ShouldBe(expected);
    }

    [Fact]
    public void a_negative_weight_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ComputedCompletion.From([Live(ProgressLevel.Complete, -1m)]));
}
