using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Writes;

/// <summary>A host on a database another host shares; the test creates and drops it.</summary>
public sealed class SharedDatabaseHost(string connectionString) : TrackerApp
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

public class starting_two_hosts_on_a_new_database
{
    // Two instances deployed together both meet an empty database and apply Marten's and Wolverine's schema at once;
    // without a lock around it, one of them failed its start-up (duplicate schema or type, seen in chaos fault 5).
    [Fact]
    public async Task two_hosts_started_at_the_same_moment_on_an_empty_database_both_start_and_take_writes()
    {
        var database = await PostgresServer.CreateDatabaseAsync("two_hosts");
        var hosts = new[] { new SharedDatabaseHost(database), new SharedDatabaseHost(database) };
        try
        {
            using var together = new Barrier(hosts.Length);
            await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
            {
                together.SignalAndWait();
                await host.InitializeAsync();
            })));

            foreach (var (host, i) in hosts.Select((h, i) => (h, i)))
            {
                await (await host.Anonymous().GetAsync("/health/ready")).ShouldHaveStatus(200);
                await Arrange.Member(host.Admin(), $"Started Together {i}", $"S{i}");
            }
        }
        finally
        {
            await Task.WhenAll(hosts.Select(host => host.DisposeAsync()));
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
