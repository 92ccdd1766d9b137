using Tracker.Ratings;

namespace Tracker.Tests.Ratings;

public class latest_completion
{
    public static TheoryData<Rated<Completion>, Rated<Completion>, Rated<Completion>> every_pair
    {
        get
        {
            var data = new TheoryData<Rated<Completion>, Rated<Completion>, Rated<Completion>>();
            foreach (var midterm in Levels.Of<Completion>())
            foreach (var endOfTerm in Levels.Of<Completion>())
            {
                var expected = endOfTerm.IsAssessed ? endOfTerm
                    : midterm.IsAssessed ? midterm
                    : midterm == Rated.NotApplicable<Completion>() && endOfTerm == Rated.NotApplicable<Completion>() ? Rated.NotApplicable<Completion>()
                    : Rated.NotAssessed<Completion>();
                data.Add(midterm, endOfTerm, expected);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(every_pair))]
    public void the_latest_completion_is_the_end_of_term_one_when_rated_else_the_midterm_one(
        Rated<Completion> midterm, Rated<Completion> endOfTerm, Rated<Completion> expected) =>
        LatestCompletion.Of(midterm, endOfTerm).ShouldBe(expected);

    [Fact]
    public void the_table_is_the_full_cross_product() =>
        every_pair.Count().ShouldBe(7 * 7);

    [Fact]
    public void a_drop_at_end_of_term_is_the_latest_completion_not_the_better_midterm_one() =>
        // HR0015 in the full IRM export: Substantial at midterm, Limited at end of term; `Raw Completion` 3 (Limited).
        LatestCompletion.Of(Rated.Of(Completion.Substantial), Rated.Of(Completion.Limited)).ShouldBe(Rated.Of(Completion.Limited));

    [Fact]
    public void without_an_end_of_term_report_the_midterm_completion_stands() =>
        // UA0018 in the IRM sample: Complete at midterm, end of term ND.
        LatestCompletion.Of(Rated.Of(Completion.Complete), Rated.NotAssessed<Completion>()).ShouldBe(Rated.Of(Completion.Complete));
}
