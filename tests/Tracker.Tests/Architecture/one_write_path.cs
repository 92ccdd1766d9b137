using System.Reflection;
using System.Text.RegularExpressions;
using JasperFx.Events;

namespace Tracker.Tests.Architecture;

/// <summary>
/// Every domain event is constructed by its own slice's decisions, whoever asks (HTTP, the OGP import, the demo loader):
/// a rule added to a decision can never be missing from another write path.
/// </summary>
public class one_write_path
{
    // The events: what an aggregate or projection folds (Create/Apply take them, plain or as IEvent<T>).
    private static IReadOnlyList<Type> DomainEvents() => typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.Name is "Create" or "Apply")
        .Where(m => m.GetParameters().Length > 0)
        .Select(m => m.GetParameters()[0].ParameterType)
        .Select(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEvent<>) ? t.GetGenericArguments()[0] : t)
        .Where(t => t.Namespace?.StartsWith("Tracker.", StringComparison.Ordinal) == true)
        .Distinct().ToList();

    [Fact]
    public void the_events_found_are_the_facts_of_every_stream()
    {
        DomainEvents().Select(t => t.Name).Order().ShouldBe([
            "AssessmentRecorded", "CommitmentClustered", "CommitmentRegistered", "CommitmentRevised", "CommitmentSourceCellsRecorded", "CommitmentWithdrawn",
            "ErratumIssued",
            "InstitutionRegistered", "MemberRegistered", "MilestonePlanned", "MilestoneProgressReported", "MilestoneRebaselined",
            "MilestoneWithdrawn", "PlanAmended", "PlanEnded", "PlanRegistered", "PublicCommentSubmitted", "ReviewerAssigned",
            "ReviewReportOpened", "ReviewReportPublished", "ReviewReportSentToPublicComment",
        ]);
    }

    [Fact]
    public void no_file_outside_a_slice_constructs_an_event_of_that_slice()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Tracker");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            var folder = Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '.');
            foreach (var type in DomainEvents())
            {
                var slice = type.Namespace!["Tracker.".Length..].Split('.')[0];
                if (folder.StartsWith(slice + ".", StringComparison.Ordinal)) continue;
                if (Regex.IsMatch(text, $@"\bnew\s+{type.Name}\s*\("))
                    offenders.Add($"{Path.GetRelativePath(source, file)} constructs {type.Name} (slice {slice})");
            }
        }
        offenders.ShouldBeEmpty();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Tracker.sln"))) return directory.FullName;
        throw new InvalidOperationException("Tracker.sln not found above " + AppContext.BaseDirectory);
    }
}
