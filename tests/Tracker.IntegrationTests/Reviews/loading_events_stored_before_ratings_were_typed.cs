using System.Text.Json;
using Marten;
using Npgsql;
using Tracker.Infrastructure;
using Tracker.IntegrationTests.Infrastructure;
using Tracker.Ratings;
using Tracker.Reviews;

namespace Tracker.IntegrationTests.Reviews;

/// <summary>
/// Streams recorded before ratings were typed keep loading: an assessment and an erratum stored in their old shape
/// (the level as text beside its indicator and state, exactly as the previous release wrote them) read as today's events.
/// </summary>
public class loading_events_stored_before_ratings_were_typed(TrackerApp app) : IClassFixture<TrackerApp>
{
    [Fact]
    public async Task an_assessment_stored_as_text_is_read_as_a_typed_rating_and_the_review_shows_it()
    {
        var admin = app.Admin();
        var member = await Arrange.Member(admin, "Oldland", "OL");
        var lead = await Arrange.Institution(admin, member, "Ministry of Old Records");
        var plan = await Arrange.Plan(admin, member, "Oldland 2016-2018", "2016-01-01", "2018-06-30", 1);
        var commitment = await Arrange.Commitment(admin, plan, "OL0001", lead);
        var url = $"/api/plans/{plan}/reviews/midterm";
        await (await admin.Post(url, new { })).ShouldHaveStatus(201);
        await (await admin.Post($"{url}/reviewers", new { reviewerId = "irm-1", name = "IRM researcher", isLead = true })).ShouldHaveStatus(200);
        var reviewer = app.As(TrackerRole.Reviewer, userId: "irm-1");
        await (await reviewer.Post($"{url}/assessments", new { commitmentId = commitment, indicator = "Specificity", value = "Low" })).ShouldHaveStatus(200);
        await (await reviewer.Post($"{url}/assessments", new { commitmentId = commitment, indicator = "Relevance", value = "CivicParticipation" })).ShouldHaveStatus(200);
        var reportId = ReviewReport.IdFor(plan, ReportKind.Midterm);

        // Turn today's two events back into what the previous release stored for the same assessments.
        await RewriteAsStoredBefore(reportId, StoredBeforeTypedRatings.AssessmentRecordedName, StoredBeforeTypedRatings.AssessmentRecordedV1Name,
            (indicator, old) => old["value"] = indicator.Equals("specificity", StringComparison.OrdinalIgnoreCase) ? "medium" : "accessToInformation,civicParticipation");

        await using var session = app.Store.QuerySession();
        var events = (await session.Events.FetchStreamAsync(reportId)).Select(e => e.Data).OfType<AssessmentRecorded>().ToList();
        events.Select(e => e.Score).ShouldBe([
            Score.Of(Indicator.Specificity, Rated.Of(Specificity.Medium)),
            Score.Of<IReadOnlySet<OgpValue>>(Indicator.Relevance, Rated.Of<IReadOnlySet<OgpValue>>(
                new HashSet<OgpValue> { OgpValue.AccessToInformation, OgpValue.CivicParticipation })),
        ]);
        var rebuilt = await session.Events.AggregateStreamAsync<ReviewReport>(reportId);
        rebuilt.ShouldNotBeNull().Assessments.Select(a => a.Score.Indicator).ShouldBe([Indicator.Specificity, Indicator.Relevance]);
    }

    // The old shape: the new event's fields, with the score split back into indicator, state and value text.
    private async Task RewriteAsStoredBefore(Guid streamId, string newName, string oldName, Action<string, Dictionary<string, object?>> value)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var rows = new List<(long Seq, string Data)>();
        await using (var select = new NpgsqlCommand(
            $"select seq_id, data::text from {TrackerDatabase.Schema}.mt_events where stream_id = @s and type = @t order by seq_id", connection))
        {
            select.Parameters.AddWithValue("s", streamId);
            select.Parameters.AddWithValue("t", newName);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        rows.Count.ShouldBeGreaterThan(0);
        foreach (var (seq, data) in rows)
        {
            var current = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(data)!;
            var score = current["score"];
            var indicator = score.GetProperty("indicator").GetString()!;
            var old = current.Where(p => p.Key != "score").ToDictionary(p => p.Key, p => (object?)p.Value);
            old["indicator"] = indicator;
            old["state"] = "assessed";
            value(indicator, old);
            await using var update = new NpgsqlCommand(
                $"update {TrackerDatabase.Schema}.mt_events set type = @t, data = @d::jsonb, mt_dotnet_type = null where seq_id = @q", connection);
            update.Parameters.AddWithValue("t", oldName);
            update.Parameters.AddWithValue("d", JsonSerializer.Serialize(old));
            update.Parameters.AddWithValue("q", seq);
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }
    }
}
