using System.Net.Sockets;
using Npgsql;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Tracker.Infrastructure;

/// <summary>
/// Polly pipelines for the paths Wolverine's own retry policies do not cover: start-up while PostgreSQL is
/// still coming up, schema application, and long-running commands such as imports.
/// </summary>
public static class Resilience
{
    /// <summary>True for failures that a later attempt can cure: the server starting, restarting or unreachable.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState is "57P03" /* cannot_connect_now: starting up */
                                                  or "57P01" /* admin_shutdown */ or "53300" /* too_many_connections */,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutRejectedException => true,
        _ when exception.InnerException is { } inner => IsTransient(inner),
        _ => false,
    };

    /// <summary>
    /// Waits for the database at start-up: up to <paramref name="budget"/> in all, each attempt cut off after
    /// 10 seconds, backing off exponentially to at most 5 seconds between attempts.
    /// </summary>
    public static ResiliencePipeline StartupPipeline(ILogger logger, TimeSpan budget) =>
        new ResiliencePipelineBuilder()
            .AddTimeout(budget)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("PostgreSQL not ready (attempt {Attempt}): {Reason}; retrying in {Delay}",
                        args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();

    /// <summary>
    /// For a long command (an import): a few quick retries of a transient failure of one unit of work,
    /// each unit cut off after <paramref name="perAttempt"/>.
    /// </summary>
    public static ResiliencePipeline UnitOfWorkPipeline(ILogger logger, TimeSpan perAttempt) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = 5,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("Transient database failure (attempt {Attempt}): {Reason}",
                        args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(perAttempt)
            .Build();
}
