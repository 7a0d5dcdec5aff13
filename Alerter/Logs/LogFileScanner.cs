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
        var pendingRotation = plan.Action is ScanAction.FinishRotatedThenNew or ScanAction.RestartAfterTruncate or ScanAction.RotatedFileLost ? 1 : 0;

        for (var i = 0; i < plan.Segments.Count; i++)
        {
            var segment = plan.Segments[i];
            var next = i + 1 < plan.Segments.Count ? plan.Segments[i + 1] : null;
            FileStream stream;
            try
            {
                stream = PhysicalFileSystemView.OpenShared(segment.Path);
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
                stream.Seek(segment.FromOffset, SeekOrigin.Begin);
                var before = Snapshot(counters);
                await reader.ReadAsync(stream, segment.FromOffset, segment.IsFinal, scanner, counters, batch =>
                {
                    var rows = BuildRows(batch.Events, target, ordinals, segment.Path);
                    var moveOn = batch.EndOfSegment && next is not null;
                    var position = moveOn ? next!.Identity : identity;
                    var at = moveOn ? next!.FromOffset : batch.EndOffset;
                    var fingerprintLength = (int)Math.Min(Fingerprint.MaxBytes, at);
                    var fingerprint = moveOn ? Fingerprint.Of([]) : Fingerprint.Of(stream.SafeFileHandle, fingerprintLength) ?? "";
                    var newCheckpoint = new LogCheckpoint(target.Path, position, at, moveOn ? 0 : fingerprintLength, fingerprint, ordinals.Serialize());
                    using var transaction = connection.BeginTransaction();
                    var added = EventWriter.Insert(connection, transaction, rows, markDispatched: false);
                    var lastEvent = batch.Events.Count > 0 ? batch.Events[^1].Event.Timestamp : null;
                    var rotations = moveOn || (pendingRotation > 0 && next is null) ? pendingRotation : 0;
                    CheckpointStore.Save(connection, transaction, newCheckpoint, target.Host, RandomAccess.GetLength(stream.SafeFileHandle), time.GetUtcNow(),
                        FileScanDelta.Between(before, counters, added, rotations, lastEvent), plan.Action.ToString());
                    transaction.Commit();
                    pendingRotation -= rotations;
                    before = Snapshot(counters);
                    inserted += added;
                    offset = at;
                    return ValueTask.CompletedTask;
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Log {Path}: {Segment} changed or vanished while opening it; the next run decides again")]
    private partial void LogVanished(string path, string segment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Log {Path}: skipped {Malformed} malformed and {Overlong} overlong lines ({InvalidUtf8} not valid UTF-8)")]
    private partial void LogSkipped(string path, long malformed, long overlong, long invalidUtf8);

    [LoggerMessage(Level = LogLevel.Information, Message = "Log {Path}: {Events} events ({Inserted} new) in {Bytes} bytes")]
    private partial void LogScanned(string path, long events, long inserted, long bytes);
}
