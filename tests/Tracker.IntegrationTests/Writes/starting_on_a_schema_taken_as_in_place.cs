using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

/// <summary>A host told that the schema is in place (no DDL at start-up), on a database the test creates empty and drops.</summary>
public sealed class HostOnASchemaTakenAsInPlace(string connectionString) : TrackerApp
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
    protected override Task DropDatabaseAsync() => Task.CompletedTask;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tracker:Database:ApplySchemaOnStartup"] = "false",
    };
}

public class starting_on_a_schema_taken_as_in_place
{
    [Fact]
    public async Task a_host_that_takes_the_schema_as_in_place_refuses_to_start_on_a_database_without_it_and_says_why()
    {
        var database = await PostgresServer.CreateDatabaseAsync("no_schema");
        var host = new HostOnASchemaTakenAsInPlace(database);
        try
        {
            var refused = await Should.ThrowAsync<Exception>(host.InitializeAsync());

            refused.ToString().ShouldContain("has no tracker.mt_events: apply the schema first");
        }
        finally
        {
            await host.DisposeAsync();
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
