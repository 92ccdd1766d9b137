namespace Tracker.Ratings;

/// <summary>How precisely a commitment states what it will deliver (IRM 2011–2020 method).</summary>
public enum Specificity
{
    /// <summary>No verifiable deliverables.</summary>
    None,

    /// <summary>Activity measurable only with interpretation.</summary>
    Low,

    /// <summary>Objectively verifiable activity, no clear milestones.</summary>
    Medium,

    /// <summary>Clear, measurable, verifiable milestones.</summary>
    High,
}

/// <summary>What the commitment could change if fully implemented.</summary>
public enum PotentialImpact
{
    /// <summary>Status quo.</summary>
    None,

    /// <summary>Incremental positive step.</summary>
    Minor,

    /// <summary>Major step, but limited in scale or scope.</summary>
    Moderate,

    /// <summary>Could transform "business as usual".</summary>
    Transformative,
}

/// <summary>How far a commitment was implemented at a review's cutoff (midterm or end of term).</summary>
public enum Completion
{
    /// <summary>No work has begun.</summary>
    NotStarted,

    /// <summary>Some work done, less than substantial.</summary>
    Limited,

    /// <summary>Most of the work done.</summary>
    Substantial,

    /// <summary>All of the work done.</summary>
    Complete,

    /// <summary>The government withdrew the commitment; it is outside the completion order.</summary>
    Withdrawn,
}

/// <summary>A milestone's reported progress.</summary>
public enum ProgressLevel
{
    /// <summary>No work has begun.</summary>
    NotStarted,

    /// <summary>Some work done, less than substantial.</summary>
    Limited,

    /// <summary>Most of the work done.</summary>
    Substantial,

    /// <summary>All of the work done.</summary>
    Complete,
}

/// <summary>The OGP values a commitment can be relevant to.</summary>
public enum OgpValue
{
    /// <summary>Access to information.</summary>
    AccessToInformation,

    /// <summary>Civic participation.</summary>
    CivicParticipation,

    /// <summary>Public accountability.</summary>
    PublicAccountability,

    /// <summary>Technology and innovation for openness and accountability; on its own it does not make a commitment relevant.</summary>
    TechnologyAndInnovation,
}

/// <summary>"Did it open government?" — the change in government practice, judged at end of term.</summary>
public enum OpenGovernmentEffect
{
    /// <summary>Government openness worsened.</summary>
    Worsened,

    /// <summary>Government practice did not change.</summary>
    DidNotChange,

    /// <summary>Some change, minor in effect.</summary>
    Marginal,

    /// <summary>A step forward, limited in scope or scale.</summary>
    Major,

    /// <summary>Transformed business as usual.</summary>
    Outstanding,
}

/// <summary>Which version of the IRM star formula to apply.</summary>
public enum StarRule
{
    /// <summary>The IRM "current formula" (from 2015): potential impact must be Transformative. The default.</summary>
    Irm2015,

    /// <summary>The earlier formula: potential impact Moderate or Transformative.</summary>
    Irm2014,
}

/// <summary>The first star criterion a commitment fails, in the IRM's order; or why none is named.</summary>
public enum BindingConstraint
{
    /// <summary>Specificity is below Medium.</summary>
    Spec,

    /// <summary>Not relevant to access to information, civic participation or public accountability.</summary>
    Rel,

    /// <summary>Potential impact is not Transformative.</summary>
    PotImp,

    /// <summary>Completion is not Substantial or Complete.</summary>
    Cmpl,

    /// <summary>Every criterion is assessed and met: the commitment is starred.</summary>
    Star,

    /// <summary>No assessed criterion fails but some were not assessed, or the commitment was not reviewed (the IRM file writes FALSE or NR).</summary>
    NotAssessed,
}

/// <summary>How completion moved from the midterm to the end-of-term review.</summary>
public enum CompletionChange
{
    /// <summary>Completion went up.</summary>
    Increase,

    /// <summary>Completion stayed at the same level.</summary>
    NoChange,

    /// <summary>Completion went down.</summary>
    Decrease,
}

/// <summary>Potential for results (IRM Action Plan Review, method since 2021).</summary>
public enum PotentialForResults
{
    /// <summary>The commitment's aims, or how they would be reached, are too unclear to judge its potential.</summary>
    Unclear,

    /// <summary>A positive but stand-alone initiative, or a change unlikely to bind or last.</summary>
    Modest,

    /// <summary>A promising change of rules, practice or policy in its area, likely to bind and to last.</summary>
    Substantial,
}

/// <summary>How far a commitment was implemented at the end of the action plan (IRM Results Report, method since 2021).</summary>
public enum ResultsCompletion
{
    /// <summary>The IRM found no evidence to judge completion (the OGP file writes "Unclear").</summary>
    NoEvidenceAvailable,

    /// <summary>No work has begun.</summary>
    NotStarted,

    /// <summary>Some work done, less than substantial.</summary>
    Limited,

    /// <summary>Most of the work done.</summary>
    Substantial,

    /// <summary>All of the work done.</summary>
    Complete,
}

/// <summary>
/// Early results (IRM Results Report, method since 2021): the change in government practice the commitment brought
/// about by the end of the plan, in the order of the scale (<see cref="CurrentMethodScales.EarlyResults"/> says which version).
/// </summary>
public enum EarlyResults
{
    /// <summary>Implemented, but too recently or too little for results to show: the IRM's "no early results to report yet".</summary>
    NoneToReportYet,

    /// <summary>Implementation did not change government practice in a notable way.</summary>
    NoNotableResults,

    /// <summary>A positive change in government practice, limited in scope or scale.</summary>
    Moderate,

    /// <summary>A major change in government practice in its policy area.</summary>
    Significant,

    /// <summary>A transformative change in government practice, beyond the commitment's own area.</summary>
    Outstanding,
}
