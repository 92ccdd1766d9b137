using System.Text.Json;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Reviews;

/// <summary>
/// The IRM's method since 2021, played end to end through HTTP: an Action Plan Review (verifiable, open-government lens,
/// potential for results, promising) and a Results Report (completion, early results), with the same lifecycle as the
/// 2011–2020 reports, each saying which method it follows.
/// </summary>
public class reviewing_by_the_current_method(TrackerApp app) : IClassFixture<TrackerApp>
{
    private async Task<(Guid Plan, Guid Commitment, Guid Other)> PlanWithTwoCommitments(string code)
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, $"{code}land", code);
        var lead = await Arrange.Institution(admin, member, $"Ministry of {code}");
        var plan = await Arrange.Plan(admin, member, $"{code} 2022-2024", "2022-01-01", "2024-08-31", 1);
        return (plan, await Arrange.Commitment(admin, plan, $"{code}0001", lead), await Arrange.Commitment(admin, plan, $"{code}0002", lead));
    }

    private async Task<string> Opened(Guid plan, string kind)
    {
        var url = $"/api/plans/{plan}/reviews/{kind}";
        await (await app.Admin().Post(url, new { })).ShouldHaveStatus(201);
        await (await app.Admin().Post($"{url}/reviewers", new { reviewerId = "irm-1", name = "IRM researcher", isLead = true })).ShouldHaveStatus(200);
        return url;
    }

    private async Task Published(string url)
    {
        var admin = app.Admin();
        await (await admin.Post($"{url}/public-comment", new { opens = "2000-01-01", closes = "2999-12-31" })).ShouldHaveStatus(200);
        await (await admin.PostAsync($"{url}/publication", null)).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task an_action_plan_review_rates_design_by_the_2021_method_and_does_not_judge_potential_without_a_lens()
    {
        var (plan, commitment, other) = await PlanWithTwoCommitments("AP");
        var url = await Opened(plan, "action-plan-review");
        var reviewer = app.As(TrackerRole.Reviewer, userId: "irm-1");
        foreach (var (indicator, value) in new[] { ("Verifiable", "Yes"), ("OpenGovernmentLens", "Yes"), ("PotentialForResults", "Substantial"), ("Promising", "Yes") })
            await (await reviewer.Post($"{url}/assessments", new { commitmentId = commitment, indicator, value, rationale = "From the plan's text." })).ShouldHaveStatus(200);
        foreach (var (indicator, value) in new[] { ("Verifiable", "Yes"), ("OpenGovernmentLens", "No"), ("PotentialForResults", "Modest") })
            await (await reviewer.Post($"{url}/assessments", new { commitmentId = other, indicator, value })).ShouldHaveStatus(200);
        await Published(url);

        var review = await app.Anonymous().Get<JsonElement>(url);
        review.GetProperty("kind").GetString().ShouldBe("actionPlanReview");
        review.GetProperty("method").GetString().ShouldBe("irm2021");
        review.GetProperty("status").GetString().ShouldBe("published");
        var first = review.GetProperty("commitments")[0].GetProperty("currentMethod");
        first.GetProperty("verifiable").GetBoolean().ShouldBeTrue();
        first.GetProperty("openGovernmentLens").GetBoolean().ShouldBeTrue();
        first.GetProperty("potentialForResults").GetString().ShouldBe("substantial");
        first.GetProperty("promising").GetBoolean().ShouldBeTrue();
        var second = review.GetProperty("commitments")[1].GetProperty("currentMethod");
        second.GetProperty("openGovernmentLens").GetBoolean().ShouldBeFalse();
        second.GetProperty("potentialForResults").GetString().ShouldBe("notApplicable"); // no lens: not assessed further
    }

    [Fact]
    public async Task a_results_report_rates_completion_and_early_results_and_refuses_the_older_methods_indicators()
    {
        var (plan, commitment, _) = await PlanWithTwoCommitments("RR");
        var url = await Opened(plan, "results-report");
        var reviewer = app.As(TrackerRole.Reviewer, userId: "irm-1");

        var refused = await reviewer.Post($"{url}/assessments", new { commitmentId = commitment, indicator = "Specificity", value = "High" });
        (await refused.ShouldBeProblem(400, "review.indicator_not_in_method")).GetProperty("errors").TryGetProperty("indicator", out _).ShouldBeTrue();
        var typo = await reviewer.Post($"{url}/assessments", new { commitmentId = commitment, indicator = "EarlyResults", value = "Signficant" });
        (await typo.ShouldBeProblem(400)).GetProperty("errors").GetProperty("value")[0].GetString().ShouldNotBeNull().ShouldContain("NoneToReportYet");
        await (await reviewer.Post($"{url}/assessments", new { commitmentId = commitment, indicator = "ResultsCompletion", value = "Complete" })).ShouldHaveStatus(200);
        await (await reviewer.Post($"{url}/assessments", new { commitmentId = commitment, indicator = "EarlyResults", value = "NoneToReportYet" })).ShouldHaveStatus(200);
        await Published(url);

        var entry = (await app.Anonymous().Get<JsonElement>(url)).GetProperty("commitments")[0].GetProperty("currentMethod");
        entry.GetProperty("completion").GetString().ShouldBe("complete");
        entry.GetProperty("earlyResults").GetString().ShouldBe("noneToReportYet");
        var erratum = await app.Admin().Post($"{url}/errata", new { commitmentId = commitment, indicator = "EarlyResults", value = "Significant", reason = "Evidence arrived late." });
        await erratum.ShouldHaveStatus(200);
        (await app.Anonymous().Get<JsonElement>(url)).GetProperty("commitments")[0].GetProperty("currentMethod")
            .GetProperty("earlyResults").GetString().ShouldBe("significant");
    }
}
