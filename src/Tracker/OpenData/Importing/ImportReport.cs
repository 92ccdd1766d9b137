using Tracker.Reviews;

namespace Tracker.OpenData.Importing;

/// <summary>A row the import took (or, in a dry run, would take), with what it changed or left out.</summary>
public sealed record TakenRow(int Line, string Code, IReadOnlyList<RowWarning> Warnings);

/// <summary>A row whose commitment Tracker already holds: the import appends nothing for it (idempotence is keyed on the code).</summary>
public sealed record PresentRow(int Line, string Code);

/// <summary>A row the import refused: nothing of it was written.</summary>
public sealed record RefusedRow(int Line, string? Code, IReadOnlyList<RowProblem> Problems);

/// <summary>A rating column where Tracker's computed value differs from the file's cell.</summary>
public sealed record RatingDifference(int Line, string Code, string Column, string File, string Tracker);

/// <summary>An imported review report the import published (or would publish).</summary>
public sealed record PublishedReview(Guid ReportId, Guid PlanId, string Plan, ReportKind Kind, int Commitments);

/// <summary>What the import registered.</summary>
public sealed record ImportCounts(int Members, int Institutions, int Plans, int Commitments, int ReviewReports, int Assessments);

/// <summary>
/// The row-level report of an OGP import, the same over HTTP (JSON) and on the command line: every row taken,
/// already present or refused (with line, column and reason), and the consistency check of the file's ratings.
/// </summary>
public sealed record ImportReport(
    bool DryRun,
    int Rows,
    int Taken,
    int AlreadyPresent,
    int Refused,
    ImportCounts Registered,
    long EventsAppended,
    IReadOnlyList<TakenRow> TakenRows,
    IReadOnlyList<PresentRow> AlreadyPresentRows,
    IReadOnlyList<RefusedRow> RefusedRows,
    IReadOnlyList<RatingDifference> Consistency,
    IReadOnlyList<PublishedReview> PublishedReviews,
    IReadOnlyList<string> UnknownColumns,
    double Seconds);
