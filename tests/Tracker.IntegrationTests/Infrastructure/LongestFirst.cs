using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Tracker.IntegrationTests.Infrastructure.LongestFirst", "Tracker.IntegrationTests")]

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>
/// A test class that runs for tens of seconds, with about how many (its wall time in a whole run on this 2-core
/// machine): <see cref="LongestFirst"/> starts it before the short ones.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute(int seconds) : Attribute
{
    /// <summary>About how long the class runs in a whole run.</summary>
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Starts the longest test classes first (each class is its own collection, and four run at once), so the short ones
/// fill in beside them: started last, as xunit's own order may leave it, the fuzzer alone made the last 10–15 s of a run.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private const string PerClass = "Test collection for ";

    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(SecondsOf);

    private static int SecondsOf(ITestCollection collection)
    {
        if (!collection.DisplayName.StartsWith(PerClass, StringComparison.Ordinal)) return 0;
        var name = collection.DisplayName[PerClass.Length..].Split(' ')[0];
        return typeof(LongestFirst).Assembly.GetType(name)?.GetCustomAttribute<RunsLongAttribute>()?.Seconds ?? 0;
    }
}
