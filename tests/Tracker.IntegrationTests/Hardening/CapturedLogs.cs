using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracker.IntegrationTests.Infrastructure;

namespace Tracker.IntegrationTests.Hardening;

/// <summary>One log entry as a provider receives it.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>An <see cref="ILoggerProvider"/> that keeps every entry the host's filters let through.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

    public void Dispose() { }

    private sealed class Capturing(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider._entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>
/// A host that logs the way production does (appsettings.json: Wolverine, Marten and Tracker at Warning and above), into
/// a provider the test reads.
/// </summary>
public class LoggedWorld : WriteWorld
{
    /// <summary>What the host logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Wolverine"] = "Warning",
        ["Logging:LogLevel:Marten"] = "Warning",
        ["Logging:LogLevel:JasperFx"] = "Warning",
        ["Logging:LogLevel:Tracker"] = "Information",
    };

    protected override void Configure(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}
