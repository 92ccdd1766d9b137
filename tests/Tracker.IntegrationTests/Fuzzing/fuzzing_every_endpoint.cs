using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Fuzzing;

/// <summary>
/// Bad input at scale: requests generated from the application's own OpenAPI document — every operation, its path and
/// query parameters and its example body — then mutated (wrong types, huge numbers and strings, odd Unicode, nulls,
/// extra and duplicate fields, deep nesting, garbage ids and dates), sent by every kind of caller. Nothing answers 5xx
/// and no refused request appends an event. Seeded, so a failure names a request that can be sent again.
/// </summary>
[RunsLong(65)]
public partial class fuzzing_every_endpoint(WriteWorld world, ITestOutputHelper output) : IClassFixture<WriteWorld>
{
    private const int Requests = 10_000;

    private sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, string In, string? Format)> Parameters, JsonNode? Example,
        bool Multipart);

    private sealed record Fuzzed(string Method, string Url, string? Body, string ContentType, Who Caller, string? IfMatch)
    {
        public override string ToString() => $"{Caller} {Method} {Url} If-Match={IfMatch} {ContentType} {Clip(Body)}";
        private static string? Clip(string? text) => text is { Length: > 300 } ? text[..300] + $"… ({text.Length} chars)" : text;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();

    // The requests go in lanes, each on a world (host and database) of its own and each sequential, so that "a refused
    // request appended nothing" is the event count of its own database before and after it; lanes run side by side.
    private const int Lanes = 4;

    private sealed record Lane(Dictionary<int, int> Statuses, List<string> Failures, int RefusedAppends);

    [Fact]
    public async Task ten_thousand_mutated_requests_to_every_endpoint_get_no_5xx_and_refused_ones_append_nothing()
    {
        var operations = await Operations();
        operations.Count.ShouldBeGreaterThan(35);
        var worlds = new List<WriteWorld> { world };
        try
        {
            for (var extra = 1; extra < Lanes; extra++)
            {
                var laneWorld = new WriteWorld();
                worlds.Add(laneWorld);
                await laneWorld.InitializeAsync();
            }
            var lanes = await Task.WhenAll(worlds.Select((w, lane) => Fuzz(w, lane, operations, Requests / Lanes)));

            var statuses = lanes.SelectMany(l => l.Statuses).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
            output.WriteLine($"requests sent: {Requests} in {Lanes} lanes, operations: {operations.Count}");
            output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
            output.WriteLine($"5xx: {statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}, refused requests that appended events: {lanes.Sum(l => l.RefusedAppends)}");
            lanes.SelectMany(l => l.Failures).Take(25).ShouldBeEmpty();
            statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value).ShouldBeGreaterThan(100, "some requests should get through to the handlers");
        }
        finally
        {
            foreach (var extra in worlds.Skip(1)) await extra.DisposeAsync();
        }
    }

    private static async Task<Lane> Fuzz(WriteWorld world, int lane, IReadOnlyList<Operation> operations, int count)
    {
        var ids = await KnownIds(world);
        var random = new Random(20261201 + lane);
        var result = new Lane([], [], 0);
        var refusedAppends = 0;

        for (var i = 0; i < count; i++)
        {
            var operation = operations[random.Next(operations.Count)];
            var request = Generate(operation, ids, random);
            var before = request.Method == "POST" ? await world.EventCount() : 0;

            using var response = await Send(world, request);

            var status = (int)response.StatusCode;
            result.Statuses[status] = result.Statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) result.Failures.Add($"lane {lane} #{i} {status}: {request} → {body[..Math.Min(body.Length, 400)]}");
            else if (status >= 400 && request.Method == "POST" && await world.EventCount() != before)
            {
                refusedAppends++;
                result.Failures.Add($"lane {lane} #{i} {status} appended events: {request}");
            }
            if (status >= 400 && Internals().IsMatch(body)) result.Failures.Add($"lane {lane} #{i} {status} names internals: {request} → {body[..Math.Min(body.Length, 400)]}");
        }
        return result with { RefusedAppends = refusedAppends };
    }

    // A stack trace, SQL or a .NET type in an answer is a leak of how Tracker is built.
    [GeneratedRegex(@"\bat Tracker\.|\bat System\.|Npgsql|PostgresException|\bSELECT\b|\bINSERT\b|\bmt_doc_|\bTracker\.[A-Z]\w+\.[A-Z]|System\.[A-Z]\w+Exception|/work/|\.cs:line")]
    private static partial Regex Internals();

    private async Task<IReadOnlyList<Operation>> Operations()
    {
        var document = await world.Anonymous().Get<JsonElement>("/openapi/v1.json");
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var method in path.Value.EnumerateObject())
        {
            var parameters = method.Value.TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                    p.TryGetProperty("schema", out var schema) && schema.TryGetProperty("format", out var format) ? format.GetString() : null)).ToList()
                : [];
            JsonNode? example = null;
            var multipart = false;
            if (method.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
            {
                multipart = content.TryGetProperty("multipart/form-data", out _);
                if (content.TryGetProperty("application/json", out var json) && json.TryGetProperty("example", out var value))
                    example = JsonNode.Parse(value.GetRawText());
            }
            operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, parameters, example, multipart));
        }
        return operations;
    }

    private sealed record Ids(Guid Member, Guid Institution, Guid Plan, Guid DraftPlan, Guid Commitment, Guid Milestone, string Code);

    private static async Task<Ids> KnownIds(WriteWorld world)
    {
        var published = await world.NewReport(ReportStage.Published);
        var draft = await world.NewReport(ReportStage.Draft);
        var commitment = world.CommitmentOf(draft);
        var milestone = await Arrange.Milestone(world.Admin(), commitment, "2016-03-01", "2017-03-01");
        return new Ids(await world.MemberId(), await world.LeadId(), Guid.Parse(published.Split('/')[3]), Guid.Parse(draft.Split('/')[3]),
            commitment, milestone, "WW0001");
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static readonly string[] OddText =
    [
        "", " ", "\u0000", "a\u0000b", "\u202egro.elpmaxe", "😀🇳🇱", "\u200b", "ﷺ", "Ω≈ç√∫", "\r\n\t", "\u001b[31mred",
        "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "=cmd|' /C calc'!A0", new string('x', 20_000),
        new string('é', 5_000), "null", "NaN", "-0", "1e400", "2016-02-30", "9999-12-31", "0001-01-01", "10000-01-01",
    ];

    private static JsonNode? OddValue(Random random) => random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(Pick(random, long.MaxValue, long.MinValue, int.MaxValue + 1L, -1L, 0L)),
        2 => JsonValue.Create(Pick(random, 1e308, -1e308, 0.5, double.Epsilon)),
        3 => JsonValue.Create(Pick(random, true, false)),
        4 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x"), null),
        5 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = JsonValue.Create("x") } },
        6 => JsonValue.Create(Guid.NewGuid().ToString()),
        _ => JsonValue.Create(Pick(random, OddText)),
    };

    private static Fuzzed Generate(Operation operation, Ids ids, Random random)
    {
        var url = PathParameter().Replace(operation.Path, m => Uri.EscapeDataString(PathValue(m.Groups[1].Value, ids, random)));
        var query = new List<string>();
        foreach (var (name, where, _) in operation.Parameters.Where(p => p.In == "query"))
            if (random.Next(3) > 0) query.Add($"{name}={Uri.EscapeDataString(QueryValue(name, ids, random))}");
        if (random.Next(10) == 0) query.Add($"{Pick(random, "asOf", "extra", "member")}={Uri.EscapeDataString(Pick(random, OddText))}");
        if (query.Count > 0) url += "?" + string.Join('&', query);

        string? body = null;
        var contentType = "application/json";
        if (operation.Method == "POST")
        {
            if (operation.Multipart)
            {
                // The import's own refusals are tested elsewhere; here only bodies it must refuse quickly.
                (body, contentType) = Pick(random, ("{\"file\":\"x\"}", "application/json"), ("garbage", "multipart/form-data; boundary=x"),
                    ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nnot,an,ogp,file\r\n--x--\r\n", "multipart/form-data; boundary=x"));
            }
            else body = Body(operation.Example, random);
        }
        var caller = Pick(random, Who.Admin, Who.Admin, Who.LeadMinistry, Who.AssignedReviewer, Who.Anonymous, Who.MinistryWithAReviewersId);
        var ifMatch = random.Next(8) == 0 ? Pick(random, "\"1\"", "\"999999999999\"", "garbage", "W/\"2\"", "\"-1\"", "*") : null;
        return new Fuzzed(operation.Method, url, body, contentType, caller, ifMatch);
    }

    private static string PathValue(string name, Ids ids, Random random) => random.Next(6) switch
    {
        0 => Guid.NewGuid().ToString(),
        1 => Pick(random, "not-a-guid", "00000000-0000-0000-0000-000000000000", new string('a', 2_000), "😀", "' OR 1=1 --", "..", "NL0025"),
        _ => name switch
        {
            "kind" => Pick(random, "midterm", "end-of-term", "MIDTERM", "endofterm", "final", "x"),
            "idOrCode" => Pick(random, ids.Code, ids.Commitment.ToString(), "NL0025", "ww0001", "WW9999"),
            "planId" => Pick(random, ids.Plan, ids.DraftPlan).ToString(),
            "commitmentId" => ids.Commitment.ToString(),
            "milestoneId" => ids.Milestone.ToString(),
            _ => Pick(random, ids.Member, ids.Institution, ids.Plan, ids.Commitment, ids.Milestone).ToString(),
        },
    };

    private static string QueryValue(string name, Ids ids, Random random) => name switch
    {
        "asOf" => Pick(random, "2017-06-30", "9999-12-31", "0001-01-01", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
            "2017-13-45", "yesterday", "-1", "2017-06-30T25:00:00Z", new string('9', 500)),
        "dryRun" => Pick(random, "true", "false", "yes", "1", ""),
        _ => Pick(random, ids.Member.ToString(), ids.Plan.ToString(), "garbage", "", Guid.NewGuid().ToString()),
    };

    private static string Body(JsonNode? example, Random random)
    {
        switch (random.Next(20))
        {
            case 0: return Pick(random, "", "[]", "null", "123", "\"text\"", "{", "{\"a\":", "\u0000", "{}");
            case 1: return string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000);
            case 2: return string.Concat(Enumerable.Repeat("[", 5_000)) + string.Concat(Enumerable.Repeat("]", 5_000));
        }
        var body = example?.DeepClone() as JsonObject ?? new JsonObject();
        if (random.Next(4) == 0) return body.ToJsonString(); // as documented: some requests get through
        var properties = body.Select(p => p.Key).ToList();
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(5))
            {
                case 0 when properties.Count > 0:
                    body.Remove(Pick(random, [.. properties]));
                    break;
                case 1:
                    body[Pick(random, "extra", "id", "caller", "version", "__proto__", "$type")] = OddValue(random);
                    break;
                default:
                    if (properties.Count > 0) body[Pick(random, [.. properties])] = OddValue(random);
                    break;
            }
        }
        var text = body.ToJsonString();
        // What System.Text.Json's DOM cannot express: a field given twice, and lone UTF-16 surrogates escaped in the text.
        if (random.Next(10) == 0 && properties.Count > 0 && text.Length > 2)
            text = $"{{\"{properties[0]}\":{OddValue(random)?.ToJsonString() ?? "null"},{text[1..]}";
        if (random.Next(15) == 0 && properties.Count > 0 && text.Length > 2)
            text = $"{{\"{Pick(random, [.. properties])}\":\"{Pick(random, "\\ud800", "\\udc00x", "a\\ud83d")}\",{text[1..]}";
        return text;
    }

    private static async Task<HttpResponseMessage> Send(WriteWorld world, Fuzzed request)
    {
        var client = await world.Client(request.Caller);
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.IfMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }
        return await client.SendAsync(message);
    }
}
