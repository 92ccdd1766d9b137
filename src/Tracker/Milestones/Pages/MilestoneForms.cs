using Marten;
using Tracker.Commitments;
using Tracker.Infrastructure;
using Tracker.Plans;
using Tracker.PublicSite;
using Tracker.Reviews.Pages;
using Tracker.SignIn;

namespace Tracker.Milestones.Pages;

/// <summary>
/// The point of contact's milestone forms (issue 13): plan a milestone of a commitment, withdraw one (the milestone's only
/// amendment open to the point of contact: its end date is the lead institution's to move, <see cref="RebaselineForm"/>).
/// Each reads into the API's request, is checked by the API's <c>ShapeErrors</c> and sent as the API's command.
/// </summary>
public static class MilestoneForms
{
    /// <summary>The page that plans a milestone of a commitment.</summary>
    public static string PlanPath(Guid commitmentId) => $"{ReviewAdmin.Home}/commitments/{commitmentId}/milestones/new";

    /// <summary>A milestone's withdrawal page.</summary>
    public static string WithdrawPath(Guid milestoneId) => $"{ReviewAdmin.Home}/milestones/{milestoneId}/withdraw";

    private static async Task<(Commitment? Commitment, IReadOnlyList<Crumb> Trail)> CommitmentOf(IQuerySession session, Guid commitmentId, CancellationToken ct)
    {
        if (await session.LoadAsync<Commitment>(commitmentId, ct) is not { } commitment) return (null, []);
        var plan = await session.LoadAsync<Plan>(commitment.PlanId, ct);
        return (commitment, [new("Plans and their review reports", ReviewAdmin.Home), new(plan?.Title ?? "The plan", ReviewAdmin.PlanPath(commitment.PlanId))]);
    }

    /// <summary>Maps both forms.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        new WorkbenchForm(ReviewAdmin.Home + "/commitments/{id:guid}/milestones/new", "PlanMilestoneForm", static async (session, commitmentId, ct) =>
            {
                var (c, trail) = await CommitmentOf(session, commitmentId, ct);
                return c is null ? null : new FormScreen($"Plan a milestone of {c.Code}", trail, c.Text.Title,
                [
                    new("number", "Number (optional)", InputKind.Number, "Left blank: the next free number."),
                    new("text", "What the milestone commits to", InputKind.LongText),
                    new("deliverable", "Deliverable (optional)", Hint: "The verifiable output, if the plan names one."),
                    new("plannedStart", "Planned start", InputKind.Date, "Within the plan’s period."),
                    new("plannedEnd", "Planned end", InputKind.Date, "Within the plan’s period."),
                    new("weight", "Weight (optional)", InputKind.Number, "Its share in the commitment’s computed completion; left blank: 1."),
                ], FieldValues.Empty, null, "Plan the milestone", Guid.CreateVersion7());
            },
            static async (http, commitmentId, form) =>
            {
                var errors = new FieldErrors();
                var body = new PlanMilestoneRequest(form.Number(errors, "number"), form.Text("text"), form.Text("deliverable"),
                    form.Day(errors, "plannedStart"), form.Day(errors, "plannedEnd"), form.Decimal(errors, "weight"));
                if (FormSent.Invalid(errors, () => PlanMilestoneHandler.ShapeErrors(body)) is { } invalid) return invalid;
                var milestoneId = form.NewId(http);
                return await FormSent.Start<Milestone>(http, milestoneId,
                    () => Writes.AttemptStart(http, PlanMilestoneHandler.Command(commitmentId, body, milestoneId, http.Caller())), async id =>
                    ReviewAdmin.PlanPath((await http.RequestServices.GetRequiredService<IQuerySession>().LoadAsync<Milestone>(id))!.PlanId), "milestone");
            }).Map(app);

        new WorkbenchForm(ReviewAdmin.Home + "/milestones/{id:guid}/withdraw", "WithdrawMilestoneForm", static async (session, milestoneId, ct) =>
            {
                if (await session.LoadAsync<Milestone>(milestoneId, ct) is not { } m) return null;
                var (c, trail) = await CommitmentOf(session, m.CommitmentId, ct);
                return c is null ? null : new FormScreen($"Withdraw milestone {m.Number} of {c.Code}", trail,
                    $"{m.Text} It stays on the public page, marked withdrawn, and no longer counts in the commitment’s completion.",
                    [new("reason", "Reason", InputKind.LongText, "The public reads this, for example “Replaced by milestone 5”.")],
                    FieldValues.Empty, m.Version, "Withdraw the milestone");
            },
            static async (http, milestoneId, form) =>
            {
                var errors = new FieldErrors();
                var body = new WithdrawMilestoneRequest(form.Text("reason"));
                var version = form.Version(errors);
                return FormSent.Invalid(errors, () => WithdrawMilestoneHandler.ShapeErrors(body))
                       ?? FormSent.Of(await Writes.Attempt<Milestone>(http, WithdrawMilestoneHandler.Command(milestoneId, body, version, http.Caller())),
                           m => ReviewAdmin.PlanPath(m.PlanId) + "?done=withdrawn");
            }).Map(app);
    }
}
