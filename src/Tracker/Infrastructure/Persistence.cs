using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Services.Json;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace Tracker.Infrastructure;

/// <summary>Marten (event store + documents, schema <c>tracker</c>) and Wolverine (commands, outbox) wired together.</summary>
public static class Persistence
{
    /// <summary>Registers the database start-up, Marten with every slice's projections, and Wolverine.</summary>
    public static WebApplicationBuilder AddTrackerPersistence(this WebApplicationBuilder builder,
        params Action<StoreOptions>[] slices)
    {
        // Registered before Marten and Wolverine so that it runs first: the database is up and the schema
        // applied before either of them touches it.
        builder.Services.AddSingleton<DatabaseStartup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseStartup>());
        builder.Services.AddSingleton(TimeProvider.System);

        // Configuration is read when the store is built, so hosts (and tests) can supply it late.
        builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                var configuration = services.GetRequiredService<IConfiguration>();
                options.Connection(TrackerDatabase.ConnectionString(configuration));
                if (!DatabaseStartup.ApplySchemaOnStartup(configuration)) options.AutoCreateSchemaObjects = AutoCreate.None;
                options.DatabaseSchemaName = TrackerDatabase.Schema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                // Required with the DistributedLock shim (ops/Patched.DistributedLock.Postgres): the
                // non-transactional advisory lock path asks for multiplexing, which the official package refuses.
                options.Events.UseAdvisoryLockTransaction = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Projections.DaemonLockId = 4_242_001;
                // Dashboards are read right after the writes they show: look for new events every 100 ms, not Marten's
                // 250 ms busy / 1 s quiet (one indexed query a tick; the lag p95 was 1.1 s at 21 reports/s, docs/performance.md).
                options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
                options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(100);
                // Metrics on the "Marten" meter (Telemetry): events appended per type, connections opened.
                options.OpenTelemetry.TrackEventCounters();
                options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                // Part of the schema applied at start-up, not a table Marten creates at first use: an instance that
                // starts on a schema in place (Tracker:Database:ApplySchemaOnStartup=false) needs it there.
                options.Schema.For<IdempotentRequest>();
                foreach (var slice in slices) slice(options);
                return options;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            .AddAsyncDaemon(DaemonMode.Solo);
        builder.Services.AddSingleton<IConfigureMarten, DaemonModeFromConfiguration>();
        builder.Services.AddSingleton<IWolverineExtension, MessageStorageFromConfiguration>();

        builder.Host.UseWolverine(options =>
        {
            options.Policies.AutoApplyTransactions();
            options.Policies.AddMiddleware(typeof(CommandMetadata),
                chain => chain.MessageType.IsAssignableTo(typeof(ITrackerWrite)));
            options.Durability.Mode = builder.Configuration.GetValue("Tracker:Durability", DurabilityMode.Solo);
            options.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("Tracker:CodeGeneration", TypeLoadMode.Dynamic);
        });
        return builder;
    }
}

/// <summary>
/// <c>Tracker:Projections:DaemonMode</c>: Solo (the default) for one instance; HotCold when several share a database
/// (exactly one runs the async projections, another takes over when it dies); Disabled for an instance that only serves.
/// Read when the store is built, after <c>AddAsyncDaemon</c> has set its default, so hosts (and tests) can supply it late.
/// </summary>
internal sealed class DaemonModeFromConfiguration(IConfiguration configuration) : IConfigureMarten
{
    public void Configure(IServiceProvider services, StoreOptions options) =>
        options.Projections.AsyncMode = configuration.GetValue("Tracker:Projections:DaemonMode", options.Projections.AsyncMode);
}

/// <summary>Wolverine leaves its message tables as they are at start-up when the schema is taken as in place (<see cref="DatabaseStartup.ApplySchemaOnStartup"/>).</summary>
internal sealed class MessageStorageFromConfiguration(IConfiguration configuration) : IWolverineExtension
{
    public void Configure(WolverineOptions options)
    {
        if (!DatabaseStartup.ApplySchemaOnStartup(configuration)) options.AutoBuildMessageStorageOnStartup = AutoCreate.None;
    }
}
