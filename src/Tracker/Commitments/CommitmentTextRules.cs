using System.Text.RegularExpressions;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Plans;
using Tracker.Ratings;

namespace Tracker.Commitments;

/// <summary>The fields of a commitment's text, shared by registration and revision requests.</summary>
public interface ICommitmentTextRequest
{
    /// <summary>The commitment's title.</summary>
    string? Title { get; }
    /// <summary>The IRM's short title.</summary>
    string? ShortTitle { get; }
    /// <summary>The full text from the plan.</summary>
    string? FullText { get; }
    /// <summary>The lead institution.</summary>
    Guid? LeadInstitutionId { get; }
    /// <summary>Registered supporting institutions.</summary>
    IReadOnlyList<Guid>? SupportingInstitutionIds { get; }
    /// <summary>Institutions that lead it beside the lead.</summary>
    IReadOnlyList<Guid>? CoLeadInstitutionIds { get; }
    /// <summary>Supporting institutions as the plan names them.</summary>
    string? SupportingInstitutionsText { get; }
    /// <summary>Start of implementation.</summary>
    DateOnly? Start { get; }
    /// <summary>End of implementation.</summary>
    DateOnly? End { get; }
    /// <summary>Policy-area tags.</summary>
    IReadOnlyList<string>? PolicyAreas { get; }
    /// <summary>OGP values the government claims.</summary>
    IReadOnlyList<OgpValue>? ClaimedValues { get; }
}

/// <summary>Shape rules (400s) and state rules (against the plan and the institutions) for a commitment's text.</summary>
public static partial class CommitmentTextRules
{
    /// <summary>Checks the shape of the fields.</summary>
    public static FieldErrors Validate(ICommitmentTextRequest body, FieldErrors errors)
    {
        errors.Text("title", body.Title, max: 500)
            .OptionalText("shortTitle", body.ShortTitle, max: 300)
            .OptionalText("fullText", body.FullText, max: 50_000)
            .Required("leadInstitutionId", body.LeadInstitutionId)
            .Count("supportingInstitutionIds", body.SupportingInstitutionIds, max: 50)
            .Count("coLeadInstitutionIds", body.CoLeadInstitutionIds, max: 50)
            .OptionalText("supportingInstitutionsText", body.SupportingInstitutionsText, max: 5_000)
            .Count("policyAreas", body.PolicyAreas, max: 100)
            .Count("claimedValues", body.ClaimedValues, max: 4);
        if (body is { Start: { } start, End: { } end }) errors.Check("end", end >= start, "The end must not be before the start.");
        if (body.PolicyAreas is { } tags)
            errors.Check("policyAreas", tags.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 100), "Each tag: 1 to 100 characters.");
        return errors;
    }

    /// <summary>The validated fields as the event's value.</summary>
    public static CommitmentText ToText(ICommitmentTextRequest body) => new(body.Title!.Trim(), body.ShortTitle?.Trim(),
        body.FullText, body.LeadInstitutionId!.Value, body.SupportingInstitutionIds ?? [], body.SupportingInstitutionsText,
        body.Start, body.End, (body.PolicyAreas ?? []).Select(t => t.Trim()).Distinct().ToList(),
        (body.ClaimedValues ?? []).Distinct().ToList(), (body.CoLeadInstitutionIds ?? []).Distinct().ToList());

    /// <summary>Checks the text against the stored state: institutions exist, dates lie within the plan period.</summary>
    public static void EnsureConsistent(CommitmentText text, Plan plan, IReadOnlyCollection<Institution> institutions)
    {
        if (text.NamesLead && institutions.All(i => i.Id != text.LeadInstitutionId))
            throw TrackerRuleBroken.InvalidField("leadInstitutionId", "institution.not_found", $"No institution with id '{text.LeadInstitutionId}'.");
        if (!text.NamesLead && text.CoLeads.Count > 0)
            throw TrackerRuleBroken.InvalidField("coLeadInstitutionIds", "commitment.co_leads_without_lead", "Co-leads lead beside a lead: name the lead first.");
        if (text.CoLeads.Contains(text.LeadInstitutionId) || text.CoLeads.Distinct().Count() != text.CoLeads.Count)
            throw TrackerRuleBroken.InvalidField("coLeadInstitutionIds", "commitment.co_lead_twice", "Each institution leads once: a co-lead is neither the lead nor another co-lead.");
        var missingCoLead = text.CoLeads.Where(id => institutions.All(i => i.Id != id)).ToList();
        if (missingCoLead.Count > 0)
            throw TrackerRuleBroken.InvalidField("coLeadInstitutionIds", "institution.not_found", $"No institution with id '{missingCoLead[0]}'.");
        var missing = text.SupportingInstitutionIds.Where(id => institutions.All(i => i.Id != id)).ToList();
        if (missing.Count > 0)
            throw TrackerRuleBroken.InvalidField("supportingInstitutionIds", "institution.not_found", $"No institution with id '{missing[0]}'.");
        // A ministry reports progress on what its institution leads (or co-leads): another member's ministry would gain that
        // right here. Supporting institutions gain nothing, and may be of any member.
        foreach (var (field, ids) in new[] { ("leadInstitutionId", text.NamesLead ? [text.LeadInstitutionId] : Array.Empty<Guid>()),
                     ("coLeadInstitutionIds", text.CoLeads.ToArray()) })
            if (institutions.FirstOrDefault(i => ids.Contains(i.Id) && i.MemberId is { } member && member != plan.MemberId) is { } foreign)
                throw TrackerRuleBroken.InvalidField(field, "institution.other_member",
                    $"'{foreign.Name}' is an institution of another member: a commitment is led by institutions of its plan's member, or international ones.");
        if (text.Start is { } start && !plan.Covers(start))
            throw TrackerRuleBroken.InvalidField("start", "date.outside_plan", $"The start must lie within the plan period {plan.PeriodStart:yyyy-MM-dd}..{plan.PeriodEnd:yyyy-MM-dd}.");
        if (text.End is { } end && !plan.Covers(end))
            throw TrackerRuleBroken.InvalidField("end", "date.outside_plan", $"The end must lie within the plan period {plan.PeriodStart:yyyy-MM-dd}..{plan.PeriodEnd:yyyy-MM-dd}.");
    }

    /// <summary>The institutions a text names (none for a lead the plan does not name).</summary>
    public static Guid[] InstitutionIds(CommitmentText text) =>
        [.. new[] { text.LeadInstitutionId }.Where(_ => text.NamesLead), .. text.CoLeads, .. text.SupportingInstitutionIds];

    /// <summary>OGP codes: the member's code then four digits (NL0025), as OGP writes them.</summary>
    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,11}[0-9]{4}$")]
    public static partial Regex CodePattern();
}
