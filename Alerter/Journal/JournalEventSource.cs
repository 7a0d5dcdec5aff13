using System.Diagnostics;
using System.Threading.Channels;
using Alerter.Dispatch;
using Alerter.Logs;
using Alerter.Sources;
using Alerter.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Storage.Events;
using Storage.Retry;
using Storage.Sqlite;

namespace Alerter.Journal;

/// <summary>
/// Reads HAProxy's messages from systemd-journald: one long-lived <c>journalctl --output=json --follow
/// --after-cursor=C</c> child, its entries parsed (<see cref="JournalEntryParser"/>, <see cref="JournalEntryProcessor"/>)
/// and committed in batches together with the cursor of the batch's last entry (one SQLite transaction, events by
/// idempotency key with INSERT OR IGNORE), so a crash re-reads at most the uncommitted batch and stores no event twice.
/// journalctl is started again with backoff when it exits; its stderr goes to this log, and a journal that cannot be
/// read (journalctl missing, no permission) is reported to <see cref="SourceProblems"/>.
/// </summary>
public sealed partial class JournalEventSource(
    AlerterDatabase database,
    IOptions<JournalOptions> options,
    IOptions<LogScanOptions> logOptions,
    LogSourceChoice choice,
    SourceProblems problems,
    TimeProvider time,
    IDispatchTrigger dispatch,
    ILogger<JournalEventSource> logger) : BackgroundService
{
    /// <summary>stderr lines logged per journalctl start; more are counted (a looping journalctl must not flood the log).</summary>
    private const int StderrLinesLogged = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogChoice(choice.Reason);
        if (!choice.Journal)
        {
            return;
        }
        var settings = options.Value;
        var host = settings.ResolveHost(logOptions.Value);
        var backoff = new ExponentialBackoff(settings.RestartDelay, settings.RestartMaxDelay);
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetUtcNow();
            bool readSomething;
            try
            {
                readSomething = await RunOnceAsync(settings, host, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex, settings.SourceName);
                readSomething = false;
            }
            if (readSomething || time.GetUtcNow() - started > settings.RestartMaxDelay)
            {
                attempt = 0; // it worked for a while: the next failure starts the backoff from its first step
            }
            try
            {
                await Task.Delay(backoff.Delay(attempt++), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One journalctl child from start to exit; true when it delivered at least one entry.</summary>
    private async Task<bool> RunOnceAsync(JournalOptions settings, string host, CancellationToken stoppingToken)
    {
        var source = settings.SourceName;
        JournalCheckpoint? checkpoint;
        using (var connection = database.OpenEnsured())
        {
            checkpoint = JournalCheckpointStore.Load(connection, source);
        }
        if (checkpoint?.Cursor is null && settings.Start == StartPosition.End)
        {
            // First start from the end: the last entry now is where reading begins; new entries come after it.
            var last = await LastCursorAsync(settings, host, stoppingToken).ConfigureAwait(false);
            if (last.Failed)
            {
                return false;
            }
            if (last.Cursor is not null)
            {
                checkpoint = new JournalCheckpoint(source, last.Cursor, checkpoint?.OrdinalState ?? "");
                Commit(checkpoint with { Cursor = null }, checkpoint, host, [], new JournalBatchDelta(0, 0, 0, 0, 0, null), out _);
                LogStartAtEnd(source);
            }
        }
        using var process = Start(settings, JournalctlArguments.Follow(settings, checkpoint?.Cursor), host);
        if (process is null)
        {
            return false;
        }
        LogFollowing(source, process.Id, checkpoint?.Cursor is null ? "the beginning" : "its cursor");
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var stderr = new JournalStderrWatch();
        var stderrTask = ReadStderrAsync(process, stderr, settings, host);
        var lines = Channel.CreateBounded<string>(new BoundedChannelOptions(settings.BatchEntries * 4) { SingleReader = true, SingleWriter = true });
        var stdoutTask = PumpAsync(process.StandardOutput, lines.Writer, session.Token);
        var heartbeat = HeartbeatAsync(source, host, stderr, session.Token);
        var readAny = false;
        try
        {
            readAny = await ConsumeAsync(lines.Reader, settings, host, checkpoint, session.Token).ConfigureAwait(false);
            // Its output ended: journalctl is exiting on its own; give it the time to, so its exit code is its own.
            using var exiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            exiting.CancelAfter(TimeSpan.FromSeconds(5));
            await Quiet(process.WaitForExitAsync(exiting.Token)).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                // Our own child, by its process object: stopping, or the checkpoint moved under us.
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
            await session.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(Quiet(stdoutTask), Quiet(stderrTask), Quiet(heartbeat)).ConfigureAwait(false);
        }
        stoppingToken.ThrowIfCancellationRequested();
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        if (stderr.PermissionLine is null)
        {
            problems.Report(source, host, SourceAdvice.JournalctlExited(process.ExitCode, stderr.LastLine));
        }
        LogExited(source, process.ExitCode, stderr.Suppressed);
        return readAny;
    }

    /// <summary>Reads batches of lines and commits each with its last cursor; returns when journalctl's output ends.</summary>
    private async Task<bool> ConsumeAsync(ChannelReader<string> lines, JournalOptions settings, string host, JournalCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        var processor = new JournalEntryProcessor(host, settings.SourceName, EventKeyer.Parse(checkpoint?.OrdinalState));
        var expected = checkpoint;
        var readAny = false;
        var batch = new List<string>(settings.BatchEntries);
        while (await lines.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < settings.BatchEntries && lines.TryRead(out var line))
            {
                batch.Add(line);
            }
            readAny = true;
            var now = time.GetUtcNow();
            var rows = new List<EventRow>();
            string? cursor = null;
            long malformed = 0, invalid = 0;
            DateTimeOffset? lastEntry = null;
            foreach (var line in batch)
            {
                var entry = line.Length > settings.MaxEntryBytes ? null : JournalEntryParser.Parse(line);
                if (entry is null)
                {
                    malformed++;
                    continue;
                }
                cursor = entry.Cursor;
                lastEntry = entry.Realtime ?? lastEntry;
                switch (processor.Process(entry, now, out var row))
                {
                    case JournalEntryOutcome.Event:
                        rows.Add(row!);
                        break;
                    case JournalEntryOutcome.Malformed:
                        malformed++;
                        break;
                    case JournalEntryOutcome.InvalidUtf8:
                        invalid++;
                        break;
                }
            }
            if (cursor is null)
            {
                LogSkipped(settings.SourceName, malformed, 0);
                continue;
            }
            var next = new JournalCheckpoint(settings.SourceName, cursor, processor.Keyer.Serialize());
            if (!Commit(expected, next, host, rows, new JournalBatchDelta(batch.Count, rows.Count, 0, malformed, invalid, lastEntry), out var added))
            {
                LogSuperseded(settings.SourceName);
                return readAny;
            }
            expected = next;
            if (malformed + invalid > 0)
            {
                LogSkipped(settings.SourceName, malformed, invalid);
            }
            if (rows.Count > 0)
            {
                LogStored(settings.SourceName, rows.Count, added);
            }
            if (added > 0)
            {
                await dispatch.RunNowAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        return readAny;
    }

    /// <summary>Stores the batch's events and the new checkpoint in one transaction, unless another reader moved the
    /// stored cursor since <paramref name="expected"/> (a second alerter on the same database): then nothing is written.</summary>
    private bool Commit(JournalCheckpoint? expected, JournalCheckpoint next, string host, List<EventRow> rows, JournalBatchDelta delta, out int added)
    {
        using var connection = database.OpenEnsured();
        using var transaction = connection.BeginTransaction();
        var stored = JournalCheckpointStore.Load(connection, next.Source, transaction);
        if (!string.Equals(stored?.Cursor, expected?.Cursor, StringComparison.Ordinal))
        {
            added = 0;
            return false;
        }
        added = new SqliteEventStore(connection, transaction).Append(rows, markDispatched: false);
        JournalCheckpointStore.Save(connection, transaction, next, host, time.GetUtcNow(), delta with { Inserted = added });
        transaction.Commit();
        return true;
    }

    /// <summary>While journalctl follows without complaint: the source is fine, and its last-scan time stays fresh.</summary>
    private async Task HeartbeatAsync(string source, string host, JournalStderrWatch stderr, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(logOptions.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stderr.PermissionLine is not null)
            {
                continue;
            }
            problems.Report(source, host, null);
            using var connection = database.OpenEnsured();
            JournalCheckpointStore.Touch(connection, source, host, time.GetUtcNow());
        }
    }
}
