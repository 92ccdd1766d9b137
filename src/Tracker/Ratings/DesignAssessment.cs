namespace Tracker.Ratings;

/// <summary>The design ratings of one commitment in one review.</summary>
/// <param name="Specificity">How precisely the commitment states its deliverables.</param>
/// <param name="Values">The OGP values the commitment is relevant to.</param>
/// <param name="PotentialImpact">What it could change if fully implemented.</param>
/// <param name="RecordedRelevance">
/// A relevance verdict recorded on its own. The IRM reviews of 2020 and later answer "relevant?" without
/// rating each value (the sample's `OGP Value …` columns are ND while `_Relevant` is 0 or 1, e.g. GH0031), and
/// the IRM still names `Rel` as their binding constraint. Null when only <paramref name="Values"/> were rated.
/// </param>
public sealed record DesignAssessment(
    Rated<Specificity> Specificity,
    Rated<IReadOnlySet<OgpValue>> Values,
    Rated<PotentialImpact> PotentialImpact,
    Rated<bool>? RecordedRelevance = null)
{
    /// <summary>
    /// Relevance as the star and binding-constraint rules use it: the recorded verdict when there is one, else
    /// <see cref="Relevance.IsRelevant"/> of <see cref="Values"/>. The verdict wins because it is the IRM's own:
    /// in the full IRM export (not in the sample) SK0116 rates every value 0, records `_Relevant` 1, and the IRM
    /// names PotImp, not Rel, as its binding constraint.
    /// </summary>
    public Rated<bool> Relevant => RecordedRelevance is { IsAssessed: true } recorded ? recorded : Relevance.IsRelevant(Values);

    /// <summary>Compares the value sets by content, not by reference.</summary>
    public bool Equals(DesignAssessment? other) =>
        other is not null
        && Specificity == other.Specificity
        && PotentialImpact == other.PotentialImpact
        && RecordedRelevance == other.RecordedRelevance
        && Values.State == other.Values.State
        && (!Values.IsAssessed || Values.Value.SetEquals(other.Values.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        Specificity,
        PotentialImpact,
        RecordedRelevance,
        Values.Match(set => set.Aggregate(0, (hash, value) => hash | (1 << (int)value)), -1, -2));
}
