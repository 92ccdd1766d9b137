using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class completion_change
{
    private static readonly Dictionary<Completion, int> Rank = new()
    {
        [Completion.NotStarted] = 0,
        [Completion.Limited] = 1,
        [Completion.Substantial] = 2,
        [Completion.Complete] = 3,
    };

    private static bool Withdrawn(Rated<Completion> completion) => completion == Rated.Of(Completion.Withdrawn);

    public static TheoryData<Rated<Completion>, Rated<Completion>, Rated<CompletionChange>> every_pair
    {
        get
        {
            var data = new TheoryData<Rated<Completion>, Rated<Completion>, Rated<CompletionChange>>();
            foreach (var midterm in Levels.Of<Completion>())
            foreach (var endOfTerm in Levels.Of<Completion>())
            {
                Rated<CompletionChange> expected;
                if (Withdrawn(midterm) || Withdrawn(endOfTerm)
                    || (midterm == Rated.NotApplicable<Completion>() && endOfTerm == Rated.NotApplicable<Completion>()))
                {
                    expected = Rated.NotApplicable<CompletionChange>();
                }
                else if (!midterm.IsAssessed || !endOfTerm.IsAssessed)
                {
                    expected = Rated.NotAssessed<CompletionChange>();
                }
                else
                {
                    expected = Rated.Of(Math.Sign(Rank[endOfTerm.Value] - Rank[midterm.Value]) switch
                    {
                        1 => CompletionChange.Increase,
                        0 => CompletionChange.NoChange,
                        _ => CompletionChange.Decrease,
                    });
                }

                data.Add(midterm, endOfTerm, expected);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_pair))]
    public void completion_change_compares_end_of_term_with_midterm(
        Rated<Completion> midterm, Rated<Completion> endOfTerm, Rated<CompletionChange> expected) =>
        CompletionChanges.Between(midterm, endOfTerm).ShouldBe(expected);

    [Fact]
    public void the_table_is_the_full_cross_product() =>
        every_pair.Count().ShouldBe(7 * 7);

    [Fact]
    public void not_started_to_complete_is_an_increase() =>
        // UA0033 in the IRM sample.
        CompletionChanges.Between(Rated.Of(Completion.NotStarted), Rated.Of(Completion.Complete)).ShouldBe(Rated.Of(CompletionChange.Increase));

    [Fact]
    public void substantial_to_not_started_is_a_decrease() =>
        // NL0006 in the IRM sample.
        CompletionChanges.Between(Rated.Of(Completion.Substantial), Rated.Of(Completion.NotStarted)).ShouldBe(Rated.Of(CompletionChange.Decrease));

    [Fact]
    public void a_withdrawn_commitment_has_no_change_in_completion() =>
        CompletionChanges.Between(Rated.Of(Completion.Limited), Rated.Of(Completion.Withdrawn)).ShouldBe(Rated.NotApplicable<CompletionChange>());

    [Fact]
    public void a_missing_midterm_report_leaves_the_change_not_assessed() =>
        // The full IRM export writes ND when the midterm completion is NA and the end-of-term one is rated.
        CompletionChanges.Between(Rated.NotApplicable<Completion>(), Rated.Of(Completion.Complete)).ShouldBe(Rated.NotAssessed<CompletionChange>());
}
