using System.Collections.Concurrent;
using Tracker.Infrastructure;

namespace Tracker.OpenData.Importing.Pages;

/// <summary>
/// An import started from the workbench, running in the background while its page shows how far it has got: the rows
/// the import has decided (<see cref="ImportProgress"/>, reported by <see cref="OgpImport"/> itself), then its report,
/// or why it failed.
/// </summary>
public sealed class ImportJob(Guid id, string fileName, bool dryRun, string startedBy, DateTimeOffset startedAt, int rows) : IProgress<ImportProgress>
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _rowsDone;
    private volatile ImportReport? _report;
    private volatile string? _failure;

    /// <summary>The id its page is found by.</summary>
    public Guid Id { get; } = id;
    /// <summary>The uploaded file's name.</summary>
    public string FileName { get; } = fileName;
    /// <summary>True when the import only works out what it would do.</summary>
    public bool DryRun { get; } = dryRun;
    /// <summary>Who started it.</summary>
    public string StartedBy { get; } = startedBy;
    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;
    /// <summary>The rows of the file.</summary>
    public int Rows { get; } = rows;
    /// <summary>The rows decided so far.</summary>
    public int RowsDone => Volatile.Read(ref _rowsDone);
    /// <summary>The report, once the import has finished.</summary>
    public ImportReport? Result => _report;
    /// <summary>Why it stopped without a report.</summary>
    public string? Failure => _failure;
    /// <summary>True once it has a report or a failure.</summary>
    public bool Finished => _report is not null || _failure is not null;

    /// <summary>Completes when the import has a report or a failure.</summary>
    public Task Completion => _finished.Task;

    /// <summary>Raised with the rows decided so far each time the import reports its progress.</summary>
    public event Action<int>? Progressed;

    /// <inheritdoc />
    public void Report(ImportProgress value)
    {
        Volatile.Write(ref _rowsDone, value.RowsDone);
        Progressed?.Invoke(value.RowsDone);
    }

    internal void Finish(ImportReport report)
    {
        _report = report;
        _finished.TrySetResult();
    }

    internal void Fail(string why)
    {
        _failure = why;
        _finished.TrySetResult();
    }
}

/// <summary>
/// The workbench's imports, one at a time: this instance starts no second import while one runs, and the import itself
/// takes <see cref="ImportLock"/>, so an import started elsewhere (another instance, the <c>import-ogp</c> verb) refuses
/// this one, which its page then says. Jobs live in this process: a page of an import another instance runs is not found here.
/// </summary>
public sealed class ImportJobs(OgpImport import, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ImportJobs> logger)
{
    private const int Kept = 20;
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly Lock _starting = new();

    /// <summary>The import running now, if any.</summary>
    public ImportJob? Running => _jobs.Values.FirstOrDefault(j => !j.Finished);

    /// <summary>The job with <paramref name="id"/>, if this instance ran it lately.</summary>
    public ImportJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>Starts importing <paramref name="file"/> in the background; null while another import runs.</summary>
    public ImportJob? Start(OgpFile file, string fileName, ImportRun run)
    {
        ImportJob job;
        lock (_starting)
        {
            if (Running is not null) return null;
            job = new ImportJob(Guid.CreateVersion7(), fileName, run.DryRun, run.UserId, clock.GetUtcNow(), file.Rows.Count);
            _jobs[job.Id] = job;
            foreach (var old in _jobs.Values.Where(j => j.Finished).OrderByDescending(j => j.StartedAt).Skip(Kept)) _jobs.TryRemove(old.Id, out _);
        }
        // Not the request's token: the import outlives the upload's request, and stops only with the application.
        _ = Task.Run(() => RunAsync(job, file, run, lifetime.ApplicationStopping));
        return job;
    }

    private async Task RunAsync(ImportJob job, OgpFile file, ImportRun run, CancellationToken ct)
    {
        try
        {
            job.Finish(await import.RunAsync(file, run, job, ct));
        }
        catch (TrackerRuleBroken refused)
        {
            job.Fail(refused.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.Fail("Tracker stopped while the import ran. Each batch of rows is written whole or not at all: import the file again to take the rest.");
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "The workbench import {ImportId} of {FileName} failed", job.Id, job.FileName);
            job.Fail("The import failed. Each batch of rows is written whole or not at all, so nothing is half-written: import the file again to take the rest.");
        }
    }
}
