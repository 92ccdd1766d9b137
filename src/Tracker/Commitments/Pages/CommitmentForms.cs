using Marten;
using Tracker.Infrastructure;
using Tracker.Institutions;
using Tracker.Members;
using Tracker.Plans;
using Tracker.PublicSite;
using Tracker.Ratings;
using Tracker.Reviews.Pages;
using Tracker.SignIn;

namespace Tracker.Commitments.Pages;

/// <summary>
/// The point of contact's commitment forms (issue 13): register a commitment in a plan, revise one. Each reads into the
/// API's request, is checked by the API's <c>ShapeErrors</c> and sent as the API's command
/// (<see cref="RegisterCommitmentHandler"/>, <see cref="ReviseCommitmentHandler"/>).
/// </summary>
public static class CommitmentForms
{
    /// <summary>The page that registers a commitment in a plan.</summary>
    public static string RegisterPath(Guid planId) => $"{ReviewAdmin.Home}/plans/{planId}/commitments/new";

    /// <summary>A commitment's revision page.</summary>
    public static string RevisePath(Guid commitmentId) => $"{ReviewAdmin.Home}/commitments/{commitmentId}/revise";

    // The fields of a commitment's text, the same in a registration and a revision, offering the institutions of the plan's member.
    private static FormInput[] TextInputs(IReadOnlyList<Institution> institutions)
    {
        var choices = institutions.Select(i => new Choice(i.Id.ToString(), i.Name)).ToList();
        return
        [
            new("title", "Title"),
            new("shortTitle", "Short title (optional)", Hint: "The IRM’s short title, if it gives one."),
            new("fullText", "Full text (optional)", InputKind.LongText, "As the plan writes it."),
            new("leadInstitutionId", "Lead institution", InputKind.Choice, "Its staff report progress on the commitment’s milestones.", choices),
            new("coLeadInstitutionIds", "Co-leads (optional)", InputKind.Choices, "Institutions that lead it beside the lead.", choices),
            new("supportingInstitutionIds", "Supporting institutions (optional)", InputKind.Choices, Choices: choices),
            new("supportingInstitutionsText", "Supporting institutions as the plan names them (optional)", InputKind.LongText),
            new("start", "Start (optional)", InputKind.Date, "Within the plan’s period."),
            new("end", "End (optional)", InputKind.Date, "Within the plan’s period."),
            new("policyAreas", "Policy areas (optional)", InputKind.Lines, "One a line, for example “Public Participation”."),
            new("claimedValues", "OGP values the government claims (optional)", InputKind.Choices,
                Choices: Enum.GetValues<OgpValue>().Select(v => new Choice(v.ToString(), Words.Sentence(v.ToString()))).ToList()),
        ];
    }

    private static async Task<(Plan? Plan, IReadOnlyList<Institution> Institutions)> PlanOf(IQuerySession session, Guid planId, CancellationToken ct)
    {
        if (await session.LoadAsync<Plan>(planId, ct) is not { } plan) return (null, []);
        var institutions = await session.Query<Institution>().Where(i => i.MemberId == plan.MemberId).OrderBy(i => i.Name).ToListAsync(ct);
        return (plan, institutions);
    }

    private static IReadOnlyList<OgpValue> Values(IFormCollection form, FieldErrors errors) =>
        form["claimedValues"].Select(v => FormValues.Enum<OgpValue>(errors, "claimedValues", v)).OfType<OgpValue>().ToList();

    /// <summary>Maps both forms.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        new WorkbenchForm(ReviewAdmin.Home + "/plans/{id:guid}/commitments/new", "RegisterCommitmentForm", static async (session, planId, ct) =>
            {
                var (plan, institutions) = await PlanOf(session, planId, ct);
                if (plan is null) return null;
                var member = await session.LoadAsync<Member>(plan.MemberId, ct);
                return new FormScreen($"Register a commitment of {plan.Title}",
                    [new("Plans and their review reports", ReviewAdmin.Home), new(plan.Title, ReviewAdmin.PlanPath(plan.Id))],
                    "Its milestones are planned next, from the plan’s page.",
                [
                    new("code", "Code", Hint: $"The member’s code and four digits, for example {member?.Code ?? "NL"}0025."),
                    new("number", "Number within the plan", Hint: "As the plan writes it, for example 07."),
                    .. TextInputs(institutions),
                    new("carriedForwardFrom", "Carried forward from (optional)", Hint: "The code of the earlier commitment this one continues."),
                ], FieldValues.Empty, null, "Register the commitment", Guid.CreateVersion7());
            },
            static async (http, planId, form) =>
            {
                var errors = new FieldErrors();
                var body = new RegisterCommitmentRequest(form.Text("code"), form.Text("number"), form.Text("title"), form.Text("shortTitle"), form.Text("fullText"),
                    form.Id(errors, "leadInstitutionId"), form.Ids(errors, "supportingInstitutionIds"), form.Text("supportingInstitutionsText"),
                    form.Day(errors, "start"), form.Day(errors, "end"), form.Lines("policyAreas"), Values(form, errors), form.Text("carriedForwardFrom"),
                    form.Ids(errors, "coLeadInstitutionIds"));
                var commitmentId = form.NewId(http);
                return FormSent.Invalid(errors, () => RegisterCommitmentHandler.ShapeErrors(body))
                       ?? await FormSent.Start<Commitment>(http, commitmentId,
                           () => Writes.AttemptStart(http, RegisterCommitmentHandler.Command(planId, body, commitmentId, http.Caller())),
                           _ => Task.FromResult(ReviewAdmin.PlanPath(planId)), "commitment");
            }).Map(app);

        new WorkbenchForm(ReviewAdmin.Home + "/commitments/{id:guid}/revise", "ReviseCommitmentForm", static async (session, commitmentId, ct) =>
            {
                if (await session.LoadAsync<Commitment>(commitmentId, ct) is not { } c) return null;
                var (plan, institutions) = await PlanOf(session, c.PlanId, ct);
                if (plan is null) return null;
                var t = c.Text;
                return new FormScreen($"Revise {c.Code}",
                    [new("Plans and their review reports", ReviewAdmin.Home), new(plan.Title, ReviewAdmin.PlanPath(plan.Id))],
                    "The whole new text, and why it changed: the commitment’s history keeps every revision.",
                    [.. TextInputs(institutions), new("reason", "Reason", InputKind.LongText, "For example “Scope agreed with civil society”.")],
                    FieldValues.Of(("title", t.Title), ("shortTitle", t.ShortTitle), ("fullText", t.FullText),
                        ("leadInstitutionId", t.NamesLead ? t.LeadInstitutionId : null), ("coLeadInstitutionIds", t.CoLeads),
                        ("supportingInstitutionIds", t.SupportingInstitutionIds), ("supportingInstitutionsText", t.SupportingInstitutionsText),
                        ("start", t.Start), ("end", t.End), ("policyAreas", t.PolicyAreas), ("claimedValues", t.ClaimedValues)),
                    c.Version, "Revise the commitment");
            },
            static async (http, commitmentId, form) =>
            {
                var errors = new FieldErrors();
                var body = new ReviseCommitmentRequest(form.Text("title"), form.Text("shortTitle"), form.Text("fullText"), form.Id(errors, "leadInstitutionId"),
                    form.Ids(errors, "supportingInstitutionIds"), form.Text("supportingInstitutionsText"), form.Day(errors, "start"), form.Day(errors, "end"),
                    form.Lines("policyAreas"), Values(form, errors), form.Text("reason"), form.Ids(errors, "coLeadInstitutionIds"));
                var version = form.Version(errors);
                return FormSent.Invalid(errors, () => ReviseCommitmentHandler.ShapeErrors(body))
                       ?? FormSent.Of(await Writes.Attempt<Commitment>(http, ReviseCommitmentHandler.Command(commitmentId, body, version, http.Caller())),
                           c => ReviewAdmin.PlanPath(c.PlanId) + "?done=revised");
            }).Map(app);
    }
}
