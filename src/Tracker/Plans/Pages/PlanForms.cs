using Marten;
using Tracker.Infrastructure;
using Tracker.Members;
using Tracker.PublicSite;
using Tracker.Reviews.Pages;
using Tracker.SignIn;

namespace Tracker.Plans.Pages;

/// <summary>
/// The point of contact's plan forms (issue 13): register a plan, amend one. Each reads into the API's request, is checked
/// by the API's <c>ShapeErrors</c> and sent as the API's command (<see cref="RegisterPlanHandler"/>, <see cref="AmendPlanHandler"/>).
/// </summary>
public static class PlanForms
{
    /// <summary>The register-a-plan page.</summary>
    public const string RegisterPath = ReviewAdmin.Home + "/plans/new";

    /// <summary>A plan's amendment page.</summary>
    public static string AmendPath(Guid planId) => $"{ReviewAdmin.Home}/plans/{planId}/amend";

    private static readonly Crumb Admin = new("Plans and their review reports", ReviewAdmin.Home);

    private static FormInput[] PeriodInputs(string cutoffHint) =>
    [
        new("periodStart", "First day of implementation", InputKind.Date),
        new("periodEnd", "Last day of implementation", InputKind.Date),
        new("midtermCutoff", "Midterm cutoff", InputKind.Date, cutoffHint),
    ];

    /// <summary>Maps both forms.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        new WorkbenchForm(RegisterPath, "RegisterPlanForm", static async (session, _, ct) =>
            {
                var members = await session.Query<Member>().OrderBy(m => m.Name).ToListAsync(ct);
                return new FormScreen("Register a plan", [Admin], "A plan of a member (a country or a locality); its commitments are registered next.",
                [
                    new("memberId", "Member", InputKind.Choice, Choices: members.Select(m => new Choice(m.Id.ToString(), $"{m.Name} ({m.Code})")).ToList()),
                    new("number", "Number of the plan", InputKind.Number, "1 for the member’s first plan."),
                    new("title", "Title", Hint: "For example “Netherlands 2016-2018 National Action Plan”."),
                    .. PeriodInputs("Left blank: the end of the plan’s first year."),
                ], FieldValues.Empty, null, "Register the plan", Guid.CreateVersion7());
            },
            static async (http, _, form) =>
            {
                var errors = new FieldErrors();
                var body = new RegisterPlanRequest(form.Id(errors, "memberId"), form.Number(errors, "number"), form.Text("title"),
                    form.Day(errors, "periodStart"), form.Day(errors, "periodEnd"), form.Day(errors, "midtermCutoff"));
                var planId = form.NewId(http);
                return FormSent.Invalid(errors, () => RegisterPlanHandler.ShapeErrors(body))
                       ?? await FormSent.Start<Plan>(http, planId, () => Writes.AttemptStart(http, RegisterPlanHandler.Command(body, planId, http.Caller())),
                           id => Task.FromResult(ReviewAdmin.PlanPath(id)), "registered");
            }).Map(app);

        new WorkbenchForm(ReviewAdmin.Home + "/plans/{id:guid}/amend", "AmendPlanForm", static async (session, planId, ct) =>
                await session.LoadAsync<Plan>(planId, ct) is not { } plan ? null : new FormScreen($"Amend {plan.Title}",
                    [Admin, new(plan.Title, ReviewAdmin.PlanPath(plan.Id))],
                    "A new title, period or midterm cutoff, and why: the plan’s history keeps every amendment.",
                    [new("title", "Title"), .. PeriodInputs("Reviews of the plan count events up to this day."),
                        new("reason", "Reason", InputKind.LongText, "For example “Extension of the implementation period agreed with OGP”.")],
                    FieldValues.Of(("title", plan.Title), ("periodStart", plan.PeriodStart), ("periodEnd", plan.PeriodEnd), ("midtermCutoff", plan.MidtermCutoff)),
                    plan.Version, "Amend the plan"),
            static async (http, planId, form) =>
            {
                var errors = new FieldErrors();
                var body = new AmendPlanRequest(form.Text("title"), form.Day(errors, "periodStart"), form.Day(errors, "periodEnd"),
                    form.Day(errors, "midtermCutoff"), form.Text("reason"));
                var version = form.Version(errors);
                return FormSent.Invalid(errors, () => AmendPlanHandler.ShapeErrors(body))
                       ?? FormSent.Of(await Writes.Attempt<Plan>(http, AmendPlanHandler.Command(planId, body, version, http.Caller())),
                           plan => ReviewAdmin.PlanPath(plan.Id) + "?done=amended");
            }).Map(app);
    }
}
