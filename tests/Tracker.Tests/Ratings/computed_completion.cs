using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

/// <summary>
/// product.md §4: a commitment's completion from its milestones' latest progress as of the cutoff: all withdrawn →
/// Withdrawn; every live milestone Complete → Complete; none begun → NotStarted; at least half (by count, or by
/// weight where weights are given) Substantial or Complete → Substantial; else Limited. No milestones → not assessed.
/// </summary>
public class computed_completion
{
    private static MilestoneStatus Live(ProgressLevel? latest, decimal weight = 1m) => new(latest, false, weight);

    private static MilestoneStatus Dropped(ProgressLevel? latest = null) => new(latest, true);

    public static TheoryData<string, MilestoneStatus[], Rated<Completion>> milestone_lists => new()
    {
        { "no milestones", [], Rated.NotAssessed<Completion>() },
        { "every milestone withdrawn", [Dropped(), Dropped(ProgressLevel.Limited)], Rated.Of(Completion.Withdrawn) },
        { "every milestone withdrawn, one of them after completing", [Dropped(ProgressLevel.Complete)], Rated.Of(Completion.Withdrawn) },
        { "every live milestone complete, one withdrawn", [Live(ProgressLevel.Complete), Dropped()], Rated.Of(Completion.Complete) },
        { "a withdrawn complete milestone does not complete the live one", [Dropped(ProgressLevel.Complete), Live(ProgressLevel.Limited)], Rated.Of(Completion.Limited) },
        { "nothing reported yet", [Live(null), Live(null)], Rated.Of(Completion.NotStarted) },
        { "reported as not started", [Live(ProgressLevel.NotStarted), Live(null)], Rated.Of(Completion.NotStarted) },
        { "one begun, limited", [Live(ProgressLevel.Limited), Live(null)], Rated.Of(Completion.Limited) },
        { "one begun, complete, beside one not reported: half", [Live(ProgressLevel.Complete), Live(null)], Rated.Of(Completion.Substantial) },
        { "a single substantial milestone", [Live(ProgressLevel.Substantial)], Rated.Of(Completion.Substantial) },
        { "exactly half substantial", [Live(ProgressLevel.Substantial), Live(ProgressLevel.NotStarted)], Rated.Of(Completion.Substantial) },
        { "two of five: under half", [Live(ProgressLevel.Substantial), Live(ProgressLevel.Complete), Live(ProgressLevel.Limited), Live(ProgressLevel.Limited), Live(null)], Rated.Of(Completion.Limited) },
        { "one of three complete", [Live(ProgressLevel.Complete), Live(ProgressLevel.Limited), Live(null)], Rated.Of(Completion.Limited) },
        { "two of three substantial or complete", [Live(ProgressLevel.Complete), Live(ProgressLevel.Substantial), Live(null)], Rated.Of(Completion.Substantial) },
        { "withdrawn milestones do not count against completion", [Live(ProgressLevel.Substantial), Dropped(), Dropped()], Rated.Of(Completion.Substantial) },
        { "a heavy complete milestone carries a light limited one", [Live(ProgressLevel.Complete, 3m), Live(ProgressLevel.Limited, 1m)], Rated.Of(Completion.Substantial) },
        { "a light complete milestone does not carry a heavy limited one", [Live(ProgressLevel.Complete, 1m), Live(ProgressLevel.Limited, 3m)], Rated.Of(Completion.Limited) },
        { "weights that balance exactly reach half", [Live(ProgressLevel.Substantial, 2.5m), Live(ProgressLevel.Limited, 2.5m)], Rated.Of(Completion.Substantial) },
        { "weights just short of half", [Live(ProgressLevel.Substantial, 0.49m), Live(ProgressLevel.Limited, 0.51m)], Rated.Of(Completion.Limited) },
        { "a zero weight does not count", [Live(ProgressLevel.Complete, 0m), Live(ProgressLevel.Limited, 1m)], Rated.Of(Completion.Limited) },
        { "all-zero weights count equally", [Live(ProgressLevel.Complete, 0m), Live(ProgressLevel.Limited, 0m)], Rated.Of(Completion.Substantial) },
        { "all-zero live weights count equally whatever a withdrawn one weighs", [Live(ProgressLevel.Complete, 0m), Live(ProgressLevel.Limited, 0m), Live(ProgressLevel.Limited, 0m), new(ProgressLevel.Complete, true, 5m)], Rated.Of(Completion.Limited) },
    };

    [Theory]
    [MemberData(nameof(milestone_lists))]
    public void a_commitments_completion_follows_its_live_milestones(string example, MilestoneStatus[] milestones, Rated<Completion> expected)
    {
        _ = example;
        ComputedCompletion.From(milestones).ShouldBe(expected);
    }

    [Fact]
    public void no_list_of_milestones_is_refused() =>
        Should.Throw<ArgumentNullException>(() => ComputedCompletion.From(null!));

    [Fact]
    public void a_negative_weight_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ComputedCompletion.From([Live(ProgressLevel.Complete, -1m)]));
}
