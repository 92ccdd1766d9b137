using Marten;

namespace Tracker.Commitments.Pages;

/// <summary>A commitment of another member that resembles this one.</summary>
public sealed record SimilarCommitment(string Code, string Title, Guid PlanId, IReadOnlyList<string> SharedPolicyAreas);

/// <summary>
/// "See similar commitments" (the IRM page's last link, product.md §6): commitments of other members, those sharing
/// the most policy areas first, then those whose text PostgreSQL's full-text search finds closest to this title.
/// </summary>
public static class SimilarCommitments
{
    private const int Shown = 8;

    private sealed record Candidate(Guid Id, string Code, string Title, Guid PlanId, IReadOnlyList<string> PolicyAreas);

    /// <summary>Up to eight similar commitments of other plans.</summary>
    public static async Task<IReadOnlyList<SimilarCommitment>> FindAsync(IQuerySession session, CommitmentPage page, CancellationToken ct)
    {
        var memberCode = page.Code.Length >= 2 ? page.Code[..2] : page.Code;
        var areas = page.PolicyAreas.ToArray();
        // Only the fields the list shows are read (a commitment document carries its whole text).
        var byArea = areas.Length == 0
            ? []
            : (await session.Query<Commitment>()
                .Where(c => !c.Code.StartsWith(memberCode) && c.Text.PolicyAreas.Any(a => a.IsOneOf(areas)))
                .Select(c => new { c.Id, c.Code, c.Text.Title, c.PlanId, c.Text.PolicyAreas })
                .Take(200).ToListAsync(ct))
              .Select(c => new Candidate(c.Id, c.Code, c.Title, c.PlanId, c.PolicyAreas)).ToList();
        var ranked = byArea
            .Select(c => (Commitment: c, Shared: c.PolicyAreas.Intersect(areas, StringComparer.OrdinalIgnoreCase).ToList()))
            .OrderByDescending(x => x.Shared.Count).ThenBy(x => x.Commitment.Code, StringComparer.Ordinal)
            .Take(Shown).ToList();
        if (ranked.Count < Shown)
        {
            var words = string.Join(' ', (page.ShortTitle ?? page.Title).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3));
            if (words.Length > 0)
            {
                var taken = ranked.Select(r => r.Commitment.Id).Append(page.Id).ToHashSet();
                var byText = (await session.Query<Commitment>()
                        .Where(c => !c.Code.StartsWith(memberCode) && c.WebStyleSearch(string.Join(" or ", words.Split(' '))))
                        .Select(c => new { c.Id, c.Code, c.Text.Title, c.PlanId, c.Text.PolicyAreas })
                        .Take(Shown * 2).ToListAsync(ct))
                    .Select(c => new Candidate(c.Id, c.Code, c.Title, c.PlanId, c.PolicyAreas));
                ranked.AddRange(byText.Where(c => taken.Add(c.Id)).Take(Shown - ranked.Count).Select(c => (c, new List<string>())));
            }
        }
        return ranked.Select(x => new SimilarCommitment(x.Commitment.Code, x.Commitment.Title, x.Commitment.PlanId, x.Shared)).ToList();
    }
}
