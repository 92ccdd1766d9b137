using Npgsql;

namespace Tracker.Infrastructure;

/// <summary>
/// The unique indexes behind "a code names one thing" (member and commitment codes, an institution's name within its
/// member, a milestone's number within its commitment): a registration that passed its
/// handler's look-up can still lose a race to a parallel one at commit. Such a loss is the same refusal the handler
/// gives, 409 <c>…code_taken</c>, never a 500.
/// </summary>
public static class UniqueCodes
{
    // Marten names a document table mt_doc_{type}; the idempotency reservation has its own table and meaning.
    private static readonly Dictionary<string, (string Code, string Field, string What)> ByTable = new(StringComparer.Ordinal)
    {
        ["mt_doc_member"] = ("member.code_taken", "code", "member"),
        ["mt_doc_commitment"] = ("commitment.code_taken", "code", "commitment"),
        ["mt_doc_institution"] = ("institution.name_taken", "name", "institution of this member"),
        ["mt_doc_milestone"] = ("milestone.number_taken", "number", "milestone of this commitment"),
    };

    /// <summary>The refusal for a unique-index violation of a registered code, or null when <paramref name="exception"/> is none.</summary>
    public static TrackerRuleBroken? Refusal(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                && unique.TableName is { } table && ByTable.TryGetValue(table, out var meaning))
                return new TrackerRuleBroken(meaning.Code, $"Another {meaning.What} registered at the same moment took this {meaning.Field}.", RuleKind.Conflict, meaning.Field);
        return null;
    }
}
