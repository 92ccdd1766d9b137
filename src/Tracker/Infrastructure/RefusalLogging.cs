using System.Reflection;
using System.Text;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Marten.Services;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Tracker.Infrastructure;

/// <summary>
/// A refused request (a broken rule, a stale version, a malformed body, a lost race) is the client's business, not an
/// operator's: one warning line, with whatever the client wrote escaped and cut short. Real failures stay errors.
/// Left alone, Wolverine logs every failed invocation at error level with the whole command (its user text, raw newlines
/// and terminal escapes included), and Marten every failed statement with its SQL and parameter values.
/// </summary>
public static class RefusalLogging
{
    private const int MaxLoggedText = 300;

    /// <summary>Registers the log filter for Wolverine's per-command failures and Marten's statement logger.</summary>
    public static IServiceCollection AddTrackerRefusalLogging(this IServiceCollection services)
    {
        // Wolverine logs "Invocation of {Message} failed!" under the command's own type name. Every command here is invoked
        // from an HTTP endpoint, which rethrows to ProblemsExceptionHandler: it logs refusals as warnings and failures as errors.
        services.Configure<LoggerFilterOptions>(filters =>
        {
            foreach (var command in HandledMessageTypes())
                filters.Rules.Add(new LoggerFilterRule(null, command.FullName, LogLevel.None, null));
        });
        services.AddSingleton<IConfigureMarten, QuietMartenRefusals>();
        return services;
    }

    /// <summary>The one warning line for a refused request.</summary>
    public static void Refused(ILogger logger, HttpContext http, ProblemDetails problem) =>
        logger.LogWarning("Refused {Method} {Path}: {Status} {Code}: {Detail}", http.Request.Method, Escape(http.Request.Path),
            problem.Status, problem.Extensions.TryGetValue("code", out var code) ? code : null, Escape(problem.Detail));

    /// <summary>Text a client chose, made safe for a log line: control characters (newlines, ANSI escapes) as <c>\uXXXX</c>, cut after a few hundred characters.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(Math.Min(text.Length, MaxLoggedText) + 16);
        foreach (var c in text.Length > MaxLoggedText ? text[..MaxLoggedText] : text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
                builder.Append("\\u").Append(((int)c).ToString("x4"));
            else
                builder.Append(c);
        }
        if (text.Length > MaxLoggedText) builder.Append($"… ({text.Length - MaxLoggedText} more characters)");
        return builder.ToString();
    }

    /// <summary>True for what Tracker answers as a refusal (409), not a failure: a lost race, a key or code already taken.</summary>
    public static bool IsRefusal(Exception exception) => exception switch
    {
        ConcurrencyException or DocumentAlreadyExistsException => true,
        // MT003: Marten's quick append found the stream at another version than the one the command read.
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or "MT003" } => true,
        { InnerException: { } inner } => IsRefusal(inner),
        _ => false,
    };

    // Wolverine's convention: the first parameter of a Handle/HandleAsync method on a *Handler class is the message.
    private static IEnumerable<Type> HandledMessageTypes() => typeof(RefusalLogging).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.Name is "Handle" or "HandleAsync" && m.GetParameters().Length > 0)
        .Select(m => m.GetParameters()[0].ParameterType)
        .Where(t => t.FullName is not null)
        .Distinct();

    /// <summary>Marten's statement logger: refusals as one warning line, failures as errors with the SQL but never the parameter values (user text, private evidence).</summary>
    private sealed class QuietMartenRefusals(ILoggerFactory loggers) : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions options) =>
            options.Logger(new StatementLogger(loggers.CreateLogger<IDocumentStore>()));
    }

    private sealed class StatementLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
    {
        public IMartenSessionLogger StartSession(IQuerySession session) => this;

        public void SchemaChange(string sql) => logger.LogInformation("Schema change: {Sql}", sql);

        public void LogSuccess(NpgsqlCommand command) { }

        public void LogSuccess(NpgsqlBatch batch) { }

        public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex, command.CommandText);

        public void LogFailure(NpgsqlBatch batch, Exception ex) =>
            Failure(ex, string.Join(";\n", batch.BatchCommands.OfType<NpgsqlBatchCommand>().Select(c => c.CommandText)));

        public void LogFailure(Exception ex, string message) => Failure(ex, message);

        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

        public void OnBeforeExecute(NpgsqlCommand command) { }

        public void OnBeforeExecute(NpgsqlBatch batch) { }

        private void Failure(Exception ex, string sql)
        {
            if (IsRefusal(ex))
                logger.LogWarning("Write refused by the database: {Reason}", Escape((ex as PostgresException ?? ex.InnerException as PostgresException)?.ConstraintName ?? ex.GetType().Name));
            else
                logger.LogError(ex, "Statement failed: {Sql}", sql);
        }
    }
}
