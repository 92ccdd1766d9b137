using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.Milestones;
using Tracker.Ratings;

namespace Tracker.OpenData.Demo;

/// <summary>A sub-commitment of the US Fifth National Action Plan: a milestone with its two progress rounds.</summary>
/// <param name="Number">The number after the dot of its id (US0113.1 → 1); a commitment's only sub-commitment (US0114.0) is 1.</param>
/// <param name="Status">The tracker's <c>commitment_status</c>, the level of the February 2024 round.</param>
public sealed record Nap5Milestone(string Id, int Number, string Text, string Agency, ProgressLevel Status,
    string AugustNarrative, IReadOnlyList<Evidence> AugustEvidence, string FebruaryNarrative, IReadOnlyList<Evidence> FebruaryEvidence)
{
    /// <summary>
    /// The level of the August 2023 snapshot, which the tracker kept as text only: Not Started when the commitment had
    /// not started by February 2024, otherwise Limited (work under way) — never more than the tracker later claimed.
    /// </summary>
    public ProgressLevel AugustLevel => Status == ProgressLevel.NotStarted ? ProgressLevel.NotStarted : ProgressLevel.Limited;
}

/// <summary>A commitment of the US Fifth National Action Plan with its sub-commitments.</summary>
public sealed record Nap5Commitment(string Code, string Title, string Theme, string? Detail, IReadOnlyList<Nap5Milestone> Milestones)
{
    /// <summary>The agency of its first sub-commitment leads it (the tracker names agencies per sub-commitment only).</summary>
    public string LeadAgency => Milestones.OrderBy(m => m.Number).First().Agency;

    /// <summary>The other agencies of its sub-commitments, as text.</summary>
    public string? SupportingAgencies =>
        Milestones.Select(m => m.Agency).Distinct().Where(a => a != LeadAgency).ToList() is { Count: > 0 } others ? string.Join("; ", others) : null;
}

/// <summary>
/// Reads the US NAP5 tracker (open.usa.gov, CC0; <c>us-nap5/</c> beside this file): commitments from
/// <c>commitments/US0113.md</c>, milestones from <c>subcommitments/us0113-1.md</c>, the August 2023 snapshot from the
/// front matter's <c>aug_2023_progress</c> (HTML) and the February 2024 update from the body (Markdown), each with
/// the links it cites as public evidence. Pure: files in, records out.
/// </summary>
public static partial class UsNap5
{
    /// <summary>The day the August 2023 snapshot is as of.</summary>
    public static readonly DateOnly AugustRound = new(2023, 8, 31);

    /// <summary>The day the February 2024 update is as of.</summary>
    public static readonly DateOnly FebruaryRound = new(2024, 2, 29);

    /// <summary>Reads every commitment, in code order, from files named <c>…/commitments/US0113.md</c> and <c>…/subcommitments/us0113-1.md</c>.</summary>
    public static IReadOnlyList<Nap5Commitment> Read(IEnumerable<(string Name, string Text)> files)
    {
        var parsed = files.Select(f => (f.Name, Parsed: FrontMatter.Parse(f.Text))).ToList();
        var milestones = parsed.Where(f => f.Name.Contains("/subcommitments/", StringComparison.Ordinal))
            .Select(f => (Code: f.Parsed.Fields["commitment_id"], Milestone: Milestone(f.Parsed.Fields, f.Parsed.Body)))
            .ToLookup(m => m.Code, m => m.Milestone);
        return parsed.Where(f => f.Name.Contains("/commitments/", StringComparison.Ordinal))
            .Select(f => f.Parsed.Fields)
            .Select(fields => new Nap5Commitment(fields["commitment_id"], Clean(fields["title"]), fields["commitment_theme_name"],
                fields.TryGetValue("commitment_detail_sub", out var detail) ? detail.Trim() : null,
                milestones[fields["commitment_id"]].OrderBy(m => m.Number).ToList()))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static Nap5Milestone Milestone(IReadOnlyDictionary<string, string> fields, string body)
    {
        var id = fields["commitment_detail_sub_id"].Trim();
        var number = int.Parse(id[(id.LastIndexOf('.') + 1)..], CultureInfo.InvariantCulture);
        var august = fields.GetValueOrDefault("aug_2023_progress") ?? "";
        var (februaryNarrative, februaryEvidence) = FebruaryUpdate(body);
        return new Nap5Milestone(id, Math.Max(number, 1), Clean(fields["commitment_detail_sub"]), Agency(fields["commitment_agency"]),
            Status(fields["commitment_status"]), Narrative(HtmlText(august)), HtmlLinks(august), februaryNarrative, februaryEvidence);
    }

    /// <summary>The tracker's three statuses; In Progress is Limited (some work done, not claimed substantial).</summary>
    public static ProgressLevel Status(string status) => status.Trim() switch
    {
        "Complete" => ProgressLevel.Complete,
        "In Progress" => ProgressLevel.Limited,
        "Not Started" => ProgressLevel.NotStarted,
        var other => throw new FormatException($"Unknown commitment_status '{other}'."),
    };

    /// <summary>"Executive Office of the President &lt;br&gt; Domestic Policy Council" → "Executive Office of the President / Domestic Policy Council".</summary>
    public static string Agency(string agency) => Clean(LineBreak().Replace(agency, " / "));

    // The body: "Progress Update:" narrative, then "Evidence:" and the links.
    private static (string Narrative, IReadOnlyList<Evidence> Evidence) FebruaryUpdate(string body)
    {
        var split = EvidenceHeading().Match(body);
        var update = split.Success ? body[..split.Index] : body;
        var evidence = split.Success ? body[(split.Index + split.Length)..] : "";
        var narrative = ProgressHeading().Replace(LineBreak().Replace(update, "\n"), "");
        return (Narrative(narrative), MarkdownLinks(evidence));
    }

    private static string Narrative(string text)
    {
        var trimmed = BlankLines().Replace(text.Replace("\r", "", StringComparison.Ordinal), "\n\n").Trim();
        if (trimmed.Length == 0) return "No narrative in this update.";
        return trimmed.Length <= 10_000 ? trimmed : trimmed[..9_999] + "…";
    }

    private static string HtmlText(string html) =>
        Tag().Replace(Anchor().Replace(LineBreak().Replace(html, "\n"), m => m.Groups[2].Value.Trim() is { Length: > 0 } text ? text : m.Groups[1].Value), "");

    private static IReadOnlyList<Evidence> HtmlLinks(string html) =>
        Links(Anchor().Matches(html).Select(m => (Title: Tag().Replace(m.Groups[2].Value, "").Trim(), Url: m.Groups[1].Value.Trim())));

    private static IReadOnlyList<Evidence> MarkdownLinks(string markdown)
    {
        var linked = MarkdownLink().Matches(markdown).Select(m => (Title: m.Groups[1].Value.Trim(), Url: m.Groups[2].Value.Trim())).ToList();
        var bare = BareUrl().Matches(MarkdownLink().Replace(markdown, "")).Select(m => (Title: "", Url: m.Value.TrimEnd('.', ',', ';')));
        return Links(linked.Concat(bare));
    }

    // Evidence as the API accepts it: absolute http(s) URLs, a title (the URL when the link has no text), at most 20.
    private static IReadOnlyList<Evidence> Links(IEnumerable<(string Title, string Url)> links) =>
        links.Where(l => l.Url.Length <= 2000 && Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .DistinctBy(l => l.Url)
            .Select(l => new Evidence(Title(l.Title.Length > 0 ? l.Title : l.Url), l.Url, EvidenceVisibility.Public))
            .Take(20)
            .ToList();

    private static string Title(string text) => Clean(text) is var title && title.Length <= 300 ? title : title[..299] + "…";

    private static string Clean(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<a\s+[^>]*href=""([^""]+)""[^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\[([^\]]*)\]\(\s*(https?://[^\s)]+)\s*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"https?://[^\s<>()\[\]""]+")]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"^\s*Evidence\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex EvidenceHeading();

    [GeneratedRegex(@"^\s*Progress Update\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ProgressHeading();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
