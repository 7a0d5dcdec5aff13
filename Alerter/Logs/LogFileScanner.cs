using Storage.Sqlite;
using Storage.Events;
using Alerter.Store;
using HAProxy.Logs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerter.Logs;

/// <summary>
/// One scan run of one log path: load the checkpoint, look at the file system, let <see cref="RotationPolicy"/>
/// decide, read the planned segments, and commit each batch of events together with the checkpoint in one
/// SQLite transaction (events by idempotency key, INSERT OR IGNORE). A crash between commits repeats at most
/// the uncommitted batch, and its events are ignored as duplicates.
/// </summary>
public sealed partial class LogFileScanner(
    AlerterDatabase database,
    IFileSystemView fileSystem,
    IOptions<LogScanOptions> options,
    TimeProvider time,
    ILogger<LogFileScanner> logger)
{
    public async Task<FileScanResult> ScanAsync(LogFileTarget target, CancellationToken cancellationToken = default)
    {
        using var connection = database.OpenEnsured();
        // Taken before looking: a rotated copy modified after this instant may hold lines this run does not see.
        var observedAt = time.GetUtcNow();
        var checkpoint = CheckpointStore.Load(connection, target.Path);
        var fingerprintLength = checkpoint?.FingerprintLength ?? 0;
        var current = fileSystem.Observe(target.Path, fingerprintLength);
        var siblings = RotationPolicy.NeedsSiblings(checkpoint, current) ? fileSystem.ObserveSiblings(target.Path, fingerprintLength) : [];
        var plan = RotationPolicy.Decide(checkpoint, current, siblings, target.Start);
        if (plan.Action == ScanAction.Wait)
        {
            if (checkpoint is not null)
            {
                CheckpointStore.Touch(connection, target.Path, time.GetUtcNow());
            }
            return new FileScanResult(target.Path, plan.Action, plan.Reason, 0, 0, 0, 0, checkpoint?.Offset ?? 0);
        }
        if (plan.Action != ScanAction.Continue)
        {
            LogPlan(target.Path, plan.Action, plan.Reason);
        }

        var settings = options.Value;
        var now = time.GetUtcNow();
        var scanner = new LogScanner(new LogParseContext(now, settings.UtcOffsetAt(now)), settings.MaxLineBytes);
        var keyer = EventKeyer.Parse(checkpoint?.OrdinalState);
        var counters = new LogScanCounters();
        var run = ScanStep.Start(checkpoint, plan.Action);
        for (var i = 0; i < plan.Segments.Count; i++)
        {
            var next = i + 1 < plan.Segments.Count ? plan.Segments[i + 1] : null;
            var (after, goOn) = await ReadSegmentAsync(connection, target, plan, plan.Segments[i], next, run, scanner, keyer, counters, observedAt, cancellationToken).ConfigureAwait(false);
            run = after;
            if (!goOn)
            {
                break;
            }
        }
        if (counters.Malformed + counters.Overlong > 0)
        {
            LogSkipped(target.Path, counters.Malformed, counters.Overlong, counters.InvalidUtf8);
        }
        if (counters.Events > 0)
        {
            LogScanned(target.Path, counters.Events, run.Inserted, counters.BytesScanned);
        }
        return new FileScanResult(target.Path, plan.Action, plan.Reason, counters.BytesScanned, counters.Events, run.Inserted, counters.Malformed + counters.Overlong, run.Offset);
    }

    /// <summary>
    /// Opens one planned segment and reads it, committing each batch as <see cref="ScanStep"/> decides. Returns the
    /// run after it, and whether the next segment may be read (false when the file changed under the run).
    /// </summary>
    private async Task<(ScanRun Run, bool GoOn)> ReadSegmentAsync(SqliteConnection connection, LogFileTarget target, ScanPlan plan, ScanSegment segment,
        ScanSegment? next, ScanRun run, LogScanner scanner, EventKeyer keyer, LogScanCounters counters, DateTimeOffset observedAt,
        CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = fileSystem.Open(segment.Path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            LogVanished(target.Path, segment.Path);
            return (run, false);
        }
        await using (stream.ConfigureAwait(false))
        {
            var handle = stream.SafeFileHandle;
            var (identity, _) = PhysicalFileSystemView.Identify(handle);
            // Fingerprint the bytes present now, once: an append-only file never changes them, and a copytruncate
            // during the read must not make the checkpoint fingerprint the new content.
            var sizeAtOpen = RandomAccess.GetLength(handle);
            var stillMatches = ScanStep.ResumesCheckpoint(run, segment, identity)
                && Fingerprint.Of(handle, run.Expected!.FingerprintLength) == run.Expected.Fingerprint;
            if (!ScanStep.CanRead(run, segment, identity, sizeAtOpen, stillMatches))
            {
                LogVanished(target.Path, segment.Path);
                return (run, false);
            }
            run = ScanStep.Opened(run, sizeAtOpen, Fingerprint.Of(handle, (int)Math.Min(Fingerprint.MaxBytes, sizeAtOpen)) ?? "");
            stream.Seek(segment.FromOffset, SeekOrigin.Begin);
            var before = Snapshot(counters);
            var reader = new LogSegmentReader(options.Value.ReadBufferBytes, options.Value.BatchBytes);
            try
            {
                await reader.ReadAsync(stream, segment.FromOffset, segment.IsFinal, scanner, counters, batch =>
                {
                    var rows = BuildRows(batch.Events, target, keyer, segment.Path);
                    var commit = ScanStep.Commit(run, target.Path, segment, next, identity, batch, keyer.Serialize(), observedAt);
                    // Checked before every commit: the file's first bytes must still be the ones fingerprinted, or a
                    // copytruncate and new lines since the open would make this batch a read from mid-line of other content.
                    if ((Fingerprint.Of(handle, commit.FingerprintLength) ?? "") != commit.Fingerprint)
                    {
                        throw new FileRewrittenException(segment.Path);
                    }
                    var added = Store(connection, target, run.Expected, commit, rows, FileScanDelta.Between(before, counters, 0, commit.Rotations, batch.Events.Count > 0 ? batch.Events[^1].Event.Timestamp : null),
                        RandomAccess.GetLength(handle), plan.Action);
                    run = commit.Next with { Inserted = run.Inserted + added };
                    before = Snapshot(counters);
                    return ValueTask.CompletedTask;
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (CheckpointMovedException)
            {
                LogSuperseded(target.Path);
                return (run, false);
            }
            catch (FileRewrittenException)
            {
                LogVanished(target.Path, segment.Path);
                return (run, false);
            }
        }
        return (run, true);
    }

    /// <summary>Commits one batch's events and its checkpoint in one transaction; returns how many events were new.</summary>
    private int Store(SqliteConnection connection, LogFileTarget target, LogCheckpoint? expected, BatchCommit commit, List<EventRow> rows,
        FileScanDelta delta, long fileSize, ScanAction action)
    {
        using var transaction = connection.BeginTransaction();
        if (!StillAt(connection, transaction, target.Path, expected))
        {
            // Another scanner of this path committed meanwhile (a second process on the same database): its
            // checkpoint wins, this run stops without writing.
            throw new CheckpointMovedException(target.Path);
        }
        var added = new SqliteEventStore(connection, transaction).Append(rows, markDispatched: false);
        CheckpointStore.Save(connection, transaction, commit.Checkpoint, target.Host, fileSize, time.GetUtcNow(), delta with { Inserted = added }, action.ToString());
        transaction.Commit();
        return added;
    }

    private static bool StillAt(SqliteConnection connection, SqliteTransaction transaction, string path, LogCheckpoint? expected)
    {
        var stored = CheckpointStore.Load(connection, path, transaction);
        return expected is null ? stored is null : stored is not null && stored.Identity == expected.Identity && stored.Offset == expected.Offset;
    }

    /// <summary>One row per message: copies of a message (Debian's two log lines) are keyed and left out.</summary>
    private List<EventRow> BuildRows(IReadOnlyList<ScannedLogEvent> events, LogFileTarget target, EventKeyer keyer, string source)
    {
        var rows = new List<EventRow>(events.Count);
        var observed = time.GetUtcNow();
        foreach (var scanned in events)
        {
            var key = keyer.KeyOf(target.Host, scanned.Event, out var isCopy);
            if (!isCopy)
            {
                rows.Add(new EventRow(key, target.Host, scanned.Event, observed, scanned.Line, source));
            }
        }
        return rows;
    }

    internal static LogScanCounters Snapshot(LogScanCounters counters) => new()
    {
        BytesScanned = counters.BytesScanned,
        Events = counters.Events,
        Malformed = counters.Malformed,
        Overlong = counters.Overlong,
        InvalidUtf8 = counters.InvalidUtf8,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Log {Path}: {Action}: {Reason}")]
    private partial void LogPlan(string path, ScanAction action, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Log {Path}: another scanner moved the checkpoint; this run stops (is a second alerter using the same database?)")]
    private partial void LogSuperseded(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Log {Path}: {Segment} changed or vanished while opening or reading it; the next run decides again")]
    private partial void LogVanished(string path, string segment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Log {Path}: skipped {Malformed} malformed and {Overlong} overlong lines ({InvalidUtf8} not valid UTF-8)")]
    private partial void LogSkipped(string path, long malformed, long overlong, long invalidUtf8);

    [LoggerMessage(Level = LogLevel.Information, Message = "Log {Path}: {Events} events ({Inserted} new) in {Bytes} bytes")]
    private partial void LogScanned(string path, long events, long inserted, long bytes);
}
