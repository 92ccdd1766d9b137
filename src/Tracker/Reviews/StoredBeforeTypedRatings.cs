using Marten;
using Tracker.Ratings;

namespace Tracker.Reviews;

/// <summary>
/// The events of the reviews slice as Tracker stored them before ratings were typed (the level as text beside its
/// indicator and state), and the upcasters that read them as today's events. Never written any more; kept so that
/// every stream recorded since the first release still loads.
/// </summary>
public static class StoredBeforeTypedRatings
{
    /// <summary>An assessment as stored until ratings were typed.</summary>
    public sealed record AssessmentRecordedV1(Guid ReportId, Guid PlanId, Guid CommitmentId, Indicator Indicator, RatingState State,
        string? Value, string? Rationale, string ReviewerId, bool IsFinal, DateTimeOffset RecordedAt);

    /// <summary>An erratum as stored until ratings were typed (its corrected entry already reads as today's).</summary>
    public sealed record ErratumIssuedV1(Guid ReportId, Guid PlanId, Guid CommitmentId, Indicator Indicator, RatingState State, string? Value,
        string Reason, string IssuedBy, DateTimeOffset IssuedAt, CommitmentReview? Corrected = null);

    /// <summary>The stored name of the old assessment event; today's is <see cref="AssessmentRecordedName"/>.</summary>
    public const string AssessmentRecordedV1Name = "assessment_recorded";

    /// <summary>The stored name of the old erratum event; today's is <see cref="ErratumIssuedName"/>.</summary>
    public const string ErratumIssuedV1Name = "erratum_issued";

    /// <summary>The stored name of today's assessment event.</summary>
    public const string AssessmentRecordedName = "assessment_recorded_v2";

    /// <summary>The stored name of today's erratum event.</summary>
    public const string ErratumIssuedName = "erratum_issued_v2";

    /// <summary>Names today's events and registers the upcasters of the old ones.</summary>
    public static void Register(StoreOptions options)
    {
        options.Events.MapEventType<AssessmentRecorded>(AssessmentRecordedName);
        options.Events.MapEventType<ErratumIssued>(ErratumIssuedName);
        options.Events.Upcast<AssessmentRecordedV1, AssessmentRecorded>(AssessmentRecordedV1Name, Upcast);
        options.Events.Upcast<ErratumIssuedV1, ErratumIssued>(ErratumIssuedV1Name, Upcast);
    }

    /// <summary>An old assessment as today's: the stored text read on the indicator's scale.</summary>
    public static AssessmentRecorded Upcast(AssessmentRecordedV1 old) =>
        new(old.ReportId, old.PlanId, old.CommitmentId, ScoreOf(old.Indicator, old.State, old.Value), old.Rationale, old.ReviewerId,
            old.IsFinal, old.RecordedAt);

    /// <summary>An old erratum as today's.</summary>
    public static ErratumIssued Upcast(ErratumIssuedV1 old) =>
        new(old.ReportId, old.PlanId, old.CommitmentId, ScoreOf(old.Indicator, old.State, old.Value), old.Reason, old.IssuedBy, old.IssuedAt,
            old.Corrected);

    // Stored values were checked when recorded, so text that no longer reads is a corrupted store: it fails loudly.
    private static Score ScoreOf(Indicator indicator, RatingState state, string? value) =>
        state != RatingState.Assessed || value is null or RatedJsonConverter.NotAssessed ? Score.Without(indicator, state == RatingState.Assessed ? RatingState.NotAssessed : state)
        : value == RatedJsonConverter.NotApplicable ? Score.Without(indicator, RatingState.NotApplicable)
        : Score.Parse(indicator, value, out var problem)
            ?? throw new InvalidOperationException($"A stored {indicator} assessment reads '{value}', which is not a level: {problem}");
}
