using System.Globalization;
using System.Text;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.PublicSite;

/// <summary>Values as a person reads them: "Not assessed" never looks like a level, dates are written out.</summary>
public static class Words
{
    /// <summary>A rating value (<c>notStarted</c>, <c>notAssessed</c>) in words.</summary>
    public static string Level(string? value) => value switch
    {
        null or RatedJsonConverter.NotAssessed => "Not assessed",
        RatedJsonConverter.NotApplicable => "Not applicable",
        "" => "None",
        _ => Sentence(value),
    };

    /// <summary>A level in words: "Not started", "Not assessed", "Not applicable".</summary>
    public static string Level<T>(Rated<T> rated) where T : struct, Enum => Level(Key(rated));

    /// <summary>A level in words, or "Not assessed" when the review has no such rating.</summary>
    public static string Level<T>(Rated<T>? rated) where T : struct, Enum => rated is { } r ? Level(r) : Level((string?)null);

    /// <summary>The key of a level in the page's scales (its camelCase name, or notAssessed / notApplicable).</summary>
    public static string Key<T>(Rated<T> rated) where T : struct, Enum =>
        rated.Match(RatedJsonConverter.Name, RatedJsonConverter.NotAssessed, RatedJsonConverter.NotApplicable);

    /// <summary>The key of a level, or null when the review has no such rating.</summary>
    public static string? Key<T>(Rated<T>? rated) where T : struct, Enum => rated is { } r ? Key(r) : null;

    /// <summary>A yes/no rating; null is "Not assessed", never "No".</summary>
    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => "Not assessed" };

    /// <summary>A yes/no rating: "Yes", "No", "Not assessed" or "Not applicable".</summary>
    public static string YesNo(Rated<bool> value) => value.Match(yes => yes ? "Yes" : "No", "Not assessed", "Not applicable");

    /// <summary>A set of OGP values in words: "Access to information, Civic participation", "None", "Not assessed".</summary>
    public static string Values(Rated<IReadOnlySet<OgpValue>> values) => values.Match(
        set => set.Count == 0 ? "None" : string.Join(", ", set.Order().Select(v => Sentence(v.ToString()))), "Not assessed", "Not applicable");

    /// <summary>Any indicator's rating in words.</summary>
    public static string Rating(Score score) => score switch
    {
        Score<bool> yesNo => YesNo(yesNo.Rating),
        Score<IReadOnlySet<OgpValue>> values => Values(values.Rating),
        _ => score.State switch
        {
            RatingState.NotAssessed => "Not assessed",
            RatingState.NotApplicable => "Not applicable",
            _ => Sentence(score.ToString()[(score.Indicator.ToString().Length + 2)..]),
        },
    };

    /// <summary>An enum or camelCase name as a sentence: <c>AccessToInformation</c> → "Access to information".</summary>
    public static string Sentence(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1])) text.Append(' ');
            text.Append(i == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>A report's name: "Midterm review", "End-of-term review", "Action Plan Review", "Results Report".</summary>
    public static string Report(ReportKind kind) => kind switch
    {
        ReportKind.Midterm => "Midterm review",
        ReportKind.EndOfTerm => "End-of-term review",
        ReportKind.ActionPlanReview => "Action Plan Review",
        _ => "Results Report",
    };

    /// <summary>The method a report follows, in words.</summary>
    public static string Method(ReviewMethod method) => method == ReviewMethod.Irm2021
        ? "The IRM’s method since 2021 (Action Plan Review and Results Report)"
        : "The IRM’s 2011–2020 method (progress and end-of-term reports)";

    /// <summary>Why a commitment is not starred, in the criterion's own name.</summary>
    public static string Constraint(Ratings.BindingConstraint constraint) => constraint switch
    {
        Ratings.BindingConstraint.Spec => "specificity",
        Ratings.BindingConstraint.Rel => "relevance",
        Ratings.BindingConstraint.PotImp => "potential impact",
        Ratings.BindingConstraint.Cmpl => "completion",
        Ratings.BindingConstraint.Star => "nothing: every criterion is met",
        _ => "not assessed",
    };

    /// <summary>A calendar day: "30 June 2018".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A calendar day, or a dash.</summary>
    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "—";

    /// <summary>An instant as its UTC day.</summary>
    public static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form of an instant's day.</summary>
    public static string Iso(DateTimeOffset at) => Iso(DateOnly.FromDateTime(at.UtcDateTime));

    /// <summary>"1 commitment", "3 commitments".</summary>
    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(CultureInfo.InvariantCulture)} {many}";

    /// <summary>A whole percentage of <paramref name="part"/> in <paramref name="whole"/>.</summary>
    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);
}
