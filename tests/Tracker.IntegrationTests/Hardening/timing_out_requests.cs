using Npgsql;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Hardening;

/// <summary>A host whose requests may take five seconds (ample for the ones that must succeed, on a busy machine).</summary>
public class FiveSecondRequests : TrackerApp
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:Timeouts:RequestSeconds"] = "5",
    };
}

public class timing_out_requests(FiveSecondRequests app) : IClassFixture<FiveSecondRequests>
{
    [Fact]
    public async Task a_request_stuck_on_the_database_is_cut_off_with_503_and_retry_after()
    {
        await (await app.Anonymous().GetAsync("/api/members")).ShouldHaveStatus(200);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Holds the members' table until the transaction ends: the read below waits on it for ever, unless cut off.
        await using (var hold = new NpgsqlCommand("lock table tracker.mt_doc_member in access exclusive mode", connection, transaction))
            await hold.ExecuteNonQueryAsync();

        var response = await app.Anonymous().GetAsync("/api/members");
        await transaction.RollbackAsync();

        await response.ShouldBeProblem(503, "request.timeout");
        response.Headers.RetryAfter.ShouldNotBeNull();
        await (await app.Anonymous().GetAsync("/api/members")).ShouldHaveStatus(200);
    }
}
