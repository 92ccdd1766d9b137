using System.Reflection;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.Tests.Architecture;

/// <summary>
/// No rating is a string inside the domain: every property of Tracker's events, documents and views named after an
/// indicator or a rating holds a typed value. Only request bodies (the JSON edge) carry a level as text.
/// </summary>
public class ratings_are_typed
{
    private static readonly HashSet<string> RatingNames =
    [
        .. Enum.GetNames<Indicator>(), "Relevance", "Verifiable", "HighAmbition", "HighCompletion", "ComputedCompletion", "OnTime",
        "ComputedOnTime", "Starred", "MidtermCompletion", "ChangeInCompletion", "Completion", "Level", "Value", "Score", "Rating",
        "DidItOpenGovernmentAccessToInformation", "DidItOpenGovernmentCivicParticipation", "DidItOpenGovernmentPublicAccountability",
    ];

    private static IEnumerable<(Type Type, PropertyInfo Property)> RatingProperties() =>
        from type in typeof(Rated<>).Assembly.GetTypes()
        where type.Namespace is { } ns && ns.StartsWith("Tracker.", StringComparison.Ordinal) && !ns.StartsWith("Tracker.Internal", StringComparison.Ordinal)
        where !type.Name.EndsWith("Request", StringComparison.Ordinal) && !type.Name.Contains('<', StringComparison.Ordinal)
        where !type.IsNested || !type.DeclaringType!.Name.StartsWith("StoredBefore", StringComparison.Ordinal)
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        where RatingNames.Contains(property.Name)
        select (type, property);

    [Fact]
    public void the_domain_holds_ratings_as_typed_values_never_as_text()
    {
        var textual = RatingProperties()
            .Where(p => p.Property.PropertyType == typeof(string) && IsRatingHolder(p.Type))
            .Select(p => $"{p.Type.Name}.{p.Property.Name}").ToList();

        textual.ShouldBeEmpty();
    }

    [Fact]
    public void the_check_sees_the_ratings_it_guards()
    {
        RatingProperties().Select(p => $"{p.Type.Name}.{p.Property.Name}")
            .ShouldContain("CommitmentReview.Specificity");
        RatingProperties().Select(p => $"{p.Type.Name}.{p.Property.Name}")
            .ShouldContain("AssessmentRecorded.Score");
    }

    // Events, documents and views of the slices that rate: reviews, ratings, dashboards, commitment pages, open data.
    private static bool IsRatingHolder(Type type) => type.Namespace is "Tracker.Reviews" or "Tracker.Ratings" or "Tracker.Dashboard"
        or "Tracker.Commitments" or "Tracker.OpenData" or "Tracker.Commitments.Pages" or "Tracker.Reviews.Pages" or "Tracker.Dashboard.Pages";
}
