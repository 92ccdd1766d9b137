using Tracker.Infrastructure;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Tests.Reviews;

public class commenting_in_public
{
    private static readonly DateTimeOffset At = new(2017, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid PlanId = Guid.Parse("0190a000-0000-7000-8000-000000000011");
    private static readonly TimeProvider Clock = new FixedClock(At.AddDays(2));

    private static readonly ReviewReport Open = ReviewReport.Started(new ReviewReportOpened(ReviewReport.IdFor(PlanId, ReportKind.Midterm), PlanId,
            ReportKind.Midterm, new DateOnly(2017, 6, 30), StarRule.Irm2015, false, "admin-1", At))
        .Then(new ReviewReportSentToPublicComment(ReviewReport.IdFor(PlanId, ReportKind.Midterm), PlanId, new DateOnly(2017, 9, 1),
            new DateOnly(2017, 9, 15), "admin-1", At));

    private static SubmitPublicComment Comment(string text) => new(Open.Id, "Open State Foundation", text, null, null);

    [Fact]
    public void a_comment_is_counted_on_the_report_and_carried_whole_by_its_event()
    {
        var (_, events) = PublicCommentingHandler.Handle(Comment("The course reached six of eleven tranches only."), Open, Clock);

        var submitted = events.ShouldHaveSingleItem().ShouldBeOfType<PublicCommentSubmitted>();
        submitted.Text.ShouldBe("The course reached six of eleven tranches only.");
        Open.Then(submitted).CommentCount.ShouldBe(1);
    }

    [Fact]
    public void a_report_that_has_taken_its_comments_refuses_the_next_one()
    {
        var full = Open with { CommentCount = PublicCommentingHandler.MaxCommentsPerReport };

        Should.Throw<TrackerRuleBroken>(() => PublicCommentingHandler.Handle(Comment("One more."), full, Clock)).Code.ShouldBe("comments.full");
    }
}

/// <summary>A clock that shows one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
