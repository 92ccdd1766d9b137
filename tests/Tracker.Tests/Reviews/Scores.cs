using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Tests.Reviews;

/// <summary>Scores written as a reviewer types them (<c>"low"</c>, <c>"yes"</c>, <c>"notApplicable"</c>), so a table reads as the IRM writes it.</summary>
public static class Scores
{
    public static Score Read(Indicator indicator, string text) => text switch
    {
        RatedJsonConverter.NotAssessed => Score.Without(indicator, RatingState.NotAssessed),
        RatedJsonConverter.NotApplicable => Score.Without(indicator, RatingState.NotApplicable),
        _ => Score.Parse(indicator, text, out var problem) ?? throw new ArgumentException(problem, nameof(text)),
    };
}
