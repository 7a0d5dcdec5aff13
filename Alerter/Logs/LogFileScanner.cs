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
        var scanner = new LogScanner(new LogParseContext(now, settings.AssumedUtcOffset ?? TimeZoneInfo.Local.GetUtcOffset(now)), settings.MaxLineBytes);
        var reader = new LogSegmentReader(settings.ReadBufferBytes, settings.BatchBytes);
        var ordinals = OrdinalTracker.Parse(checkpoint?.OrdinalState);
        var counters = new LogScanCounters();
        long inserted = 0;
        long offset = checkpoint?.Offset ?? 0;
        var expected = checkpoint;
        var copiesReadThrough = checkpoint?.CopiesReadThrough ?? default;
        var pendingRotation = plan.Action is ScanAction.FinishRotatedThenNew or ScanAction.RestartAfterTruncate or ScanAction.RotatedFileLost ? 1 : 0;

        for (var i = 0; i < plan.Segments.Count; i++)
        {
            var segment = plan.Segments[i];
            var next = i + 1 < plan.Segments.Count ? plan.Segments[i + 1] : null;
            FileStream stream;
            try
            {
                stream = fileSystem.Open(segment.Path);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                LogVanished(target.Path, segment.Path);
                break;
            }
            await using (stream.ConfigureAwait(false))
            {
                var (identity, _) = PhysicalFileSystemView.Identify(stream.SafeFileHandle);
                if (identity != segment.Identity)
                {
                    // Rotated between the look and the open: the next run decides again.
                    LogVanished(target.Path, segment.Path);
                    break;
                }
                // Fingerprint the bytes present now, once: an append-only file never changes them, and a copytruncate
                // during the read must not make the checkpoint fingerprint the new content.
                var sizeAtOpen = RandomAccess.GetLength(stream.SafeFileHandle);
                if (sizeAtOpen < segment.FromOffset
                    || (expected is { FingerprintLength: > 0 } known && known.Identity == identity && segment.FromOffset == known.Offset
                        && Fingerprint.Of(stream.SafeFileHandle, known.FingerprintLength) != known.Fingerprint))
                {
                    LogVanished(target.Path, segment.Path);
                    break;
                }
                var segmentFingerprintLength = (int)Math.Min(Fingerprint.MaxBytes, sizeAtOpen);
                var segmentFingerprint = Fingerprint.Of(stream.SafeFileHandle, segmentFingerprintLength) ?? "";
                stream.Seek(segment.FromOffset, SeekOrigin.Begin);
                var before = Snapshot(counters);
                try
                {
                    await reader.ReadAsync(stream, segment.FromOffset, segment.IsFinal, scanner, counters, batch =>
                    {
                        var rows = BuildRows(batch.Events, target, ordinals, segment.Path);
                        var moveOn = batch.EndOfSegment && next is not null;
                        var position = moveOn ? next!.Identity : identity;
                        var at = moveOn ? next!.FromOffset : batch.EndOffset;
                        if (moveOn && segment.LastWriteUtc > copiesReadThrough)
                        {
                            copiesReadThrough = segment.LastWriteUtc;
                        }
                        if (batch.Head.Length > segmentFingerprintLength)
                        {
                            // The file was shorter than the fingerprint when opened (often empty, just after a
                            // copytruncate) and grew while being read: fingerprint the bytes this read parsed, or the
                            // next copytruncate's copy of them would not be recognised and would be read again.
                            segmentFingerprintLength = batch.Head.Length;
                            segmentFingerprint = Fingerprint.Of(batch.Head.Span);
                        }
                        // The fingerprint was checked when the file was opened; a copytruncate and new lines since then
                        // would make this batch a read from mid-line of other content. Checked before every commit:
                        // the file's first bytes must still be the ones fingerprinted.
                        if ((Fingerprint.Of(stream.SafeFileHandle, segmentFingerprintLength) ?? "") != segmentFingerprint)
                        {
                            throw new FileRewrittenException(segment.Path);
                        }
                        var newCheckpoint = new LogCheckpoint(target.Path, position, at, moveOn ? 0 : segmentFingerprintLength,
                            moveOn ? Fingerprint.Of([]) : segmentFingerprint, ordinals.Serialize(), observedAt, copiesReadThrough);
                        using var transaction = connection.BeginTransaction();
                        if (!StillAt(connection, transaction, target.Path, expected))
                        {
                            // Another scanner of this path committed meanwhile (a second process on the same database):
                            // its checkpoint wins, this run stops without writing.
                            throw new CheckpointMovedException(target.Path);
                        }
                        var added = EventWriter.Insert(connection, transaction, rows, markDispatched: false);
                        var lastEvent = batch.Events.Count > 0 ? batch.Events[^1].Event.Timestamp : null;
                        var rotations = moveOn || (pendingRotation > 0 && next is null) ? pendingRotation : 0;
                        CheckpointStore.Save(connection, transaction, newCheckpoint, target.Host, RandomAccess.GetLength(stream.SafeFileHandle), time.GetUtcNow(),
                            FileScanDelta.Between(before, counters, added, rotations, lastEvent), plan.Action.ToString());
                        transaction.Commit();
                        expected = newCheckpoint;
                        pendingRotation -= rotations;
                        before = Snapshot(counters);
                        inserted += added;
                        offset = at;
                        return ValueTask.CompletedTask;
                    }, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (CheckpointMovedException)
                {
                    LogSuperseded(target.Path);
                    break;
                }
                catch (FileRewrittenException)
                {
                    LogVanished(target.Path, segment.Path);
                    break;
                }
            }
        }
        if (counters.Malformed + counters.Overlong > 0)
        {
            LogSkipped(target.Path, counters.Malformed, counters.Overlong, counters.InvalidUtf8);
        }
        if (counters.Events > 0)
        {
            LogScanned(target.Path, counters.Events, inserted, counters.BytesScanned);
        }
        return new FileScanResult(target.Path, plan.Action, plan.Reason, counters.BytesScanned, counters.Events, inserted, counters.Malformed + counters.Overlong, offset);
    }

    private static bool StillAt(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string path, LogCheckpoint? expected)
    {
        var stored = CheckpointStore.Load(connection, path, transaction);
        return expected is null ? stored is null : stored is not null && stored.Identity == expected.Identity && stored.Offset == expected.Offset;
    }

    private List<EventRow> BuildRows(IReadOnlyList<ScannedLogEvent> events, LogFileTarget target, OrdinalTracker ordinals, string source)
    {
        var rows = new List<EventRow>(events.Count);
        var observed = time.GetUtcNow();
        foreach (var scanned in events)
        {
            var baseKey = EventKey.Base(target.Host, scanned.Event);
            var key = EventKey.WithOrdinal(baseKey, ordinals.Next(baseKey, scanned.Event.Timestamp));
            rows.Add(new EventRow(key, target.Host, scanned.Event, observed, scanned.Line, source));
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
