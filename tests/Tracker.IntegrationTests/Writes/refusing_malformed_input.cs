using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

[RunsLong(37)]
public class refusing_malformed_input(WriteWorld world) : IClassFixture<WriteWorld>
{
    private static async Task<string?> Failure(string variant, HttpResponseMessage response, string? field)
    {
        var status = (int)response.StatusCode;
        if (status != 400) return $"{variant}: expected 400, got {status}: {await response.Content.ReadAsStringAsync()}";
        var problem = await response.Read<JsonElement>();
        if (field is not null && !(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)))
            return $"{variant}: the problem does not name '{field}': {problem}";
        if (problem.ToString().Contains("Tracker.", StringComparison.Ordinal) || problem.ToString().Contains("System.", StringComparison.Ordinal))
            return $"{variant}: the problem names an internal type: {problem}";
        return null;
    }

    private static bool IsDate(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && DateOnly.TryParseExact(v.GetValue<string>(), "yyyy-MM-dd", out _);

    // Each variant on a target nothing has been written to, with the body valid for that target (an assessment names the
    // report's commitment): refused variants share one, a variant that is taken spends it.
    private readonly ReusableTargets _targets = new(world);

    private async Task<(string Url, JsonObject Body)> Fresh(WriteEndpoint endpoint)
    {
        var (url, body) = await _targets.For(endpoint);
        return (url, JsonSerializer.SerializeToNode(body, TrackerApp.Json)!.AsObject());
    }

    private readonly List<string> _refusedYetAppended = [];

    // Sends with the event count taken around the request: a refusal that appended is a failure, and spends the target.
    private async Task<HttpResponseMessage> Sent(WriteEndpoint endpoint, Func<Task<HttpResponseMessage>> send)
    {
        var before = await world.EventCount();
        var response = await send();
        var appended = await world.EventCount() != before;
        if (appended && (int)response.StatusCode >= 400)
            _refusedYetAppended.Add($"{endpoint.Name}: {(int)response.StatusCode} to {response.RequestMessage?.RequestUri}, yet events were appended");
        _targets.After(endpoint, response, appended);
        return response;
    }

    [Fact]
    public async Task every_malformed_body_gets_400_naming_the_field_and_never_500()
    {
        var failures = new List<string?>();
        foreach (var endpoint in world.WriteEndpointsOfTheApplication())
        {
            var client = await world.Allowed(endpoint);
            var prefix = endpoint.Name + ": ";
            if (endpoint.Body == BodyKind.CsvUpload)
            {
                var upload = await endpoint.Arrange(world);
                failures.Add(await Failure(prefix + "JSON instead of a file", await client.PostRaw(upload.Url, "{\"file\": \"x\"}"), "file"));
                continue;
            }
            if (endpoint.Body == BodyKind.FormUpload)
            {
                // An upload form refused answers its page again (400), the error beside the file field.
                var upload = await endpoint.Arrange(world);
                var refused = await WriteWorld.Send(client, endpoint, upload with { Body = ((UploadForm)upload.Body!) with { File = [] } });
                if ((int)refused.StatusCode != 400 || !(await refused.Content.ReadAsStringAsync()).Contains("id=\"file-error\"", StringComparison.Ordinal))
                    failures.Add($"{prefix}an empty file: expected 400 with the error beside the file field; got {(int)refused.StatusCode}");
                var form = (UploadForm)upload.Body!;
                foreach (var field in form.Fields.Select(f => f.Key))
                {
                    var withNul = form with { Fields = form.Fields.Select(f => f.Key == field ? new KeyValuePair<string, string>(f.Key, f.Value + "\0") : f).ToList() };
                    var response = await Sent(endpoint, () => WriteWorld.Send(client, endpoint, upload with { Body = withNul }));
                    var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                    if ((int)response.StatusCode != 400 || !html.Contains($"The field “{field}” holds the NUL character", StringComparison.Ordinal))
                        failures.Add($"{prefix}{field} with a NUL character: expected the 400 page naming the field; got {(int)response.StatusCode}");
                }
                continue;
            }
            if (endpoint.Body == BodyKind.Form)
            {
                // A form refused for a field answers its page again (400), with the error beside that field.
                var fields = (IReadOnlyList<KeyValuePair<string, string>>)(await _targets.For(endpoint)).Body!;
                foreach (var field in fields.Select(f => f.Key))
                {
                    var fresh = await _targets.For(endpoint);
                    var blanked = ((IReadOnlyList<KeyValuePair<string, string>>)fresh.Body!).Select(f => f.Key == field ? new KeyValuePair<string, string>(f.Key, "") : f).ToList();
                    var response = await Sent(endpoint, () => WriteWorld.Send(client, endpoint, fresh with { Body = blanked }));
                    var status = (int)response.StatusCode;
                    if (status is >= 200 and < 300 || status == endpoint.SuccessStatus) continue; // an optional field: the form is taken
                    var html = await response.Content.ReadAsStringAsync();
                    if (status != 400 || !html.Contains($"id=\"{Tracker.PublicSite.FormErrors.ErrorId(field)}\"", StringComparison.Ordinal))
                        failures.Add($"{prefix}{field} blank: expected it taken, or 400 with the error beside the field; got {status}");
                }
                // PostgreSQL cannot store U+0000: a field holding it is refused with a page saying so (a urlencoded form
                // holding it cannot be decoded, so the page cannot name the field; the upload form's test names it).
                foreach (var field in fields.Select(f => f.Key))
                {
                    var fresh = await _targets.For(endpoint);
                    var withNul = ((IReadOnlyList<KeyValuePair<string, string>>)fresh.Body!).Select(f => f.Key == field ? new KeyValuePair<string, string>(f.Key, f.Value + "\0") : f).ToList();
                    var response = await Sent(endpoint, () => WriteWorld.Send(client, endpoint, fresh with { Body = withNul }));
                    var html = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode != 400 || response.Content.Headers.ContentType?.MediaType != "text/html"
                        || !html.Contains("holds the NUL character", StringComparison.Ordinal))
                        failures.Add($"{prefix}{field} with a NUL character: expected the 400 page saying so; got {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                }
                continue;
            }
            if (endpoint.Body == BodyKind.None)
            {
                var target = await endpoint.Arrange(world);
                failures.Add(await Failure(prefix + "a malformed If-Match", await WriteWorld.Send(client, endpoint, target, ifMatch: "\"yesterday\""), "If-Match"));
                continue;
            }

            var (url, body) = await _targets.For(endpoint);
            failures.Add(await Failure(prefix + "not JSON", await Sent(endpoint, async () => await client.PostRaw((await _targets.For(endpoint)).Url, "{\"title\": ")), null));
            failures.Add(await Failure(prefix + "an array", await Sent(endpoint, async () => await client.PostRaw((await _targets.For(endpoint)).Url, "[]")), null));
            failures.Add(await Failure(prefix + "no body", await Sent(endpoint, async () => await client.PostRaw((await _targets.For(endpoint)).Url, "")), null));

            var valid = JsonSerializer.SerializeToNode(body, TrackerApp.Json)!.AsObject();
            foreach (var property in valid.Select(p => p.Key).ToList())
            {
                var variants = new List<(string, JsonNode?)>
                {
                    ("far too long", JsonValue.Create(new string('x', 100_001))),
                    ("of the wrong type", valid[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonValue.Create(12345) : JsonValue.Create("not-a-number")),
                };
                if (valid[property] is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                    variants.Add(("with a NUL character", JsonValue.Create(text.GetValue<string>() + "\u0000")));
                foreach (var (variant, value) in variants)
                {
                    var (freshUrl, mutated) = await Fresh(endpoint);
                    mutated[property] = value;
                    failures.Add(await Failure($"{prefix}{property} {variant}", await Sent(endpoint, () => client.PostRaw(freshUrl, mutated.ToJsonString())), property));
                }

                (url, var missing) = await Fresh(endpoint);
                missing.Remove(property);
                var response = await Sent(endpoint, () => client.PostRaw(url, missing.ToJsonString()));
                if ((int)response.StatusCode is not (>= 200 and < 300)) failures.Add(await Failure($"{prefix}{property} missing", response, property));
            }
        }

        failures.OfType<string>().ShouldBeEmpty();
        _refusedYetAppended.ShouldBeEmpty();
    }

    [Fact]
    public async Task dates_at_the_ends_of_the_calendar_are_refused_or_taken_and_never_answer_500()
    {
        var failures = new List<string>();
        foreach (var endpoint in world.WriteEndpointsOfTheApplication().Where(e => e.Body == BodyKind.Json))
        {
            var client = await world.Allowed(endpoint);
            var (_, valid) = await Fresh(endpoint);
            foreach (var property in valid.Where(p => IsDate(p.Value)).Select(p => p.Key).ToList())
            foreach (var day in new[] { "9999-12-31", "0001-01-01" })
            {
                var (url, mutated) = await Fresh(endpoint);
                mutated[property] = day;
                var response = await Sent(endpoint, () => client.PostRaw(url, mutated.ToJsonString()));
                var status = (int)response.StatusCode;
                if (status >= 500) failures.Add($"{endpoint.Name}: {property} = {day} answered {status}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        failures.ShouldBeEmpty();
        _refusedYetAppended.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_nul_character_in_evidence_is_refused_naming_the_field()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var title = await ministry.Post($"/api/milestones/{milestone}/progress", new
        {
            level = "Limited", narrative = "Started.", asOf = "2016-06-30", evidence = new[] { new { title = "Re\u0000port", url = "https://example.org/r.pdf" } },
        });
        var url = await ministry.Post($"/api/milestones/{milestone}/progress", new
        {
            level = "Limited", narrative = "Started.", asOf = "2016-06-30", evidence = new[] { new { title = "Report", url = "https://example.org/r\u0000.pdf" } },
        });

        (await title.ShouldBeProblem(400, "request.nul_character")).GetProperty("errors").TryGetProperty("evidence[0].title", out _).ShouldBeTrue();
        (await url.ShouldBeProblem(400, "request.nul_character")).GetProperty("errors").TryGetProperty("evidence[0].url", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task a_nul_character_in_a_query_is_refused_naming_the_parameter()
    {
        var query = await world.Anonymous().GetAsync("/api/plans?asOf=2017%0001");
        var search = await world.Anonymous().GetAsync("/api/commitments/NL0025?asOf=2017-01-01&note=a%00b");

        (await query.ShouldBeProblem(400, "request.nul_character")).GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
        (await search.ShouldBeProblem(400, "request.nul_character")).GetProperty("errors").TryGetProperty("note", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task a_body_of_the_wrong_shape_is_refused_without_naming_internal_types()
    {
        var response = await world.Admin().PostRaw("/api/members", "\"Netherlands\"");

        var problem = await response.ShouldBeProblem(400, "request.malformed");
        problem.ToString().Contains("Tracker.", StringComparison.Ordinal).ShouldBeFalse(problem.ToString());
        problem.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task an_unknown_progress_level_is_refused_naming_the_field()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var response = await ministry.PostRaw($"/api/milestones/{milestone}/progress", """{"level":"Almost","narrative":"x","asOf":"2016-06-30"}""");

        (await response.ShouldBeProblem(400, "request.malformed")).GetProperty("errors").TryGetProperty("level", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("ftp://files.example.org/report.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/report.pdf")]
    public async Task evidence_that_is_not_an_http_url_is_refused(string url)
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var response = await ministry.Post($"/api/milestones/{milestone}/progress", new
        {
            level = "Limited", narrative = "Started.", asOf = "2016-06-30", evidence = new[] { new { title = "Report", url } },
        });

        (await response.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("evidence[0].url", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task dates_outside_the_plan_period_are_refused_naming_the_field()
    {
        var admin = world.Admin();
        var commitment = await world.NewCommitment();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var commitmentTooEarly = await admin.Post($"/api/plans/{await world.PlanId()}/commitments",
            new { code = world.NextCode(), number = "03", title = "Too early", leadInstitutionId = await world.LeadId(), start = "2010-01-01" });
        var milestoneTooLate = await admin.Post($"/api/commitments/{commitment}/milestones",
            new { text = "Too late", plannedStart = "2016-01-01", plannedEnd = "2030-01-01" });
        var progressBeforePlan = await ministry.Post($"/api/milestones/{await world.NewMilestone()}/progress",
            new { level = "Limited", narrative = "Before the plan.", asOf = "2015-12-31" });
        var progressInFuture = await ministry.Post($"/api/milestones/{await world.NewMilestone()}/progress",
            new { level = "Limited", narrative = "Next year.", asOf = Days.Of(world.Services.GetRequiredService<TimeProvider>()).AddYears(1).ToString("yyyy-MM-dd") });

        (await commitmentTooEarly.ShouldBeProblem(400, "date.outside_plan")).GetProperty("errors").TryGetProperty("start", out _).ShouldBeTrue();
        (await milestoneTooLate.ShouldBeProblem(400, "date.outside_plan")).GetProperty("errors").TryGetProperty("plannedEnd", out _).ShouldBeTrue();
        (await progressBeforePlan.ShouldBeProblem(400, "date.outside_plan")).GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
        (await progressInFuture.ShouldBeProblem(400, "date.future")).GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task progress_on_a_withdrawn_milestone_is_refused_and_appends_nothing()
    {
        var milestone = await world.NewMilestone();
        await (await world.Admin().Post($"/api/milestones/{milestone}/withdrawal", new { reason = "Dropped" })).ShouldHaveStatus(200);
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var response = await ministry.Post($"/api/milestones/{milestone}/progress", new { level = "Limited", narrative = "Late.", asOf = "2016-06-30" });

        (await response.ShouldBeProblem(400, "milestone.withdrawn")).GetProperty("errors").TryGetProperty("milestoneId", out _).ShouldBeTrue();
        var history = await world.Anonymous().Get<JsonElement[]>($"/api/streams/{milestone}/history");
        history.Select(e => e.GetProperty("type").GetString()).ShouldBe(["milestone_planned", "milestone_withdrawn"]);
    }

    [Fact]
    public async Task a_malformed_if_match_is_refused_naming_the_header()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());

        var response = await ministry.Post($"/api/milestones/{milestone}/progress",
            new { level = "Limited", narrative = "x", asOf = "2016-06-30" }, ifMatch: "\"yesterday\"");

        (await response.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("If-Match", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task a_query_value_of_the_wrong_type_is_refused_naming_it()
    {
        var before = await world.EventCount();
        var institutions = await world.Anonymous().GetAsync("/api/institutions?member=zz");
        var import = await world.Admin().PostAsync("/api/import/ogp?dryRun=maybe",
            new MultipartFormDataContent { { new StringContent("not,an,ogp,file"), "file", "a.csv" } });

        (await institutions.ShouldBeProblem(400, "request.malformed")).GetProperty("errors").TryGetProperty("member", out _).ShouldBeTrue();
        (await import.ShouldBeProblem(400, "request.malformed")).GetProperty("errors").TryGetProperty("dryRun", out _).ShouldBeTrue();
        (await world.EventCount()).ShouldBe(before);
    }

    // Enum.TryParse reads "limited,complete" as the bitwise OR of the two levels (complete); "low,medium" as high.
    [Fact]
    public async Task a_level_or_a_rating_written_as_a_list_of_names_is_refused_rather_than_read_as_another_one()
    {
        var milestone = await world.NewMilestone();
        var ministry = world.As(TrackerRole.Ministry, await world.LeadId());
        var report = await world.NewReport(ReportStage.Draft);
        var reviewer = world.As(TrackerRole.Reviewer, userId: WriteWorld.AssignedReviewerId);
        var before = await world.EventCount();

        var progress = await ministry.PostRaw($"/api/milestones/{milestone}/progress", """{"level":"limited,complete","narrative":"x","asOf":"2016-06-30"}""");
        var rating = await reviewer.Post($"{report}/assessments", new { commitmentId = world.CommitmentOf(report), indicator = "Specificity", value = "low,medium" });
        var indicator = await reviewer.Post($"{report}/assessments", new { commitmentId = world.CommitmentOf(report), indicator = "Specificity,Relevance", value = "Low" });

        (await progress.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("level", out _).ShouldBeTrue();
        (await rating.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("value", out _).ShouldBeTrue();
        (await indicator.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty("indicator", out _).ShouldBeTrue();
        (await world.EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"name":"Dupland","code":"DKA","code":"DKB","kind":"Local"}""")]
    [InlineData("""{"name":"Dupland","code":"DKC","CODE":"DKD","kind":"Local"}""")]
    public async Task a_field_given_twice_is_refused_rather_than_read_one_way_or_the_other(string body)
    {
        var response = await world.Admin().PostRaw("/api/members", body);

        await response.ShouldBeProblem(400, "request.malformed");
    }

    [Fact]
    public async Task a_blank_idempotency_key_is_refused_naming_the_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/members") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "Blankland", code = "BLK", kind = "Local" }) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", " ");

        var response = await world.Admin().SendAsync(request);

        (await response.ShouldBeProblem(400, "request.idempotency_key")).GetProperty("errors").TryGetProperty("Idempotency-Key", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("\u202e\u200fevil", "reviewerId")]
    [InlineData("irm 1", "reviewerId")]
    public async Task a_reviewer_id_shown_publicly_takes_no_spaces_or_direction_characters(string reviewerId, string field)
    {
        var report = await world.NewReport(ReportStage.Draft);

        var response = await world.Admin().PostRaw($"{report}/reviewers", $$"""{"reviewerId":"{{reviewerId}}","name":"Researcher","isLead":false}""");

        (await response.ShouldBeProblem(400)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task a_role_the_route_refuses_gets_trackers_own_problem_shape()
    {
        var response = await world.As(TrackerRole.Reviewer).Post("/api/members", new { name = "Roleland", code = "ROL", kind = "Local" });

        var problem = await response.ShouldBeProblem(403, "caller.forbidden");
        problem.GetProperty("type").GetString().ShouldBe("https://tracker.example/problems/caller.forbidden");
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}
