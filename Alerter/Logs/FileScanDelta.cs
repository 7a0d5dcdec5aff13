using HAProxy.Logs;

namespace Alerter.Logs;

/// <summary>What one committed batch adds to a file's cumulative counters.</summary>
public sealed record FileScanDelta(long Bytes, long Events, long Inserted, long Malformed, long Overlong, long InvalidUtf8, int Rotations, DateTimeOffset? LastEvent)
{
    public static readonly FileScanDelta None = new(0, 0, 0, 0, 0, 0, 0, null);

    /// <summary>The difference between two snapshots of a scanner's counters.</summary>
    public static FileScanDelta Between(LogScanCounters before, LogScanCounters after, long inserted, int rotations, DateTimeOffset? lastEvent)
        => new(after.BytesScanned - before.BytesScanned, after.Events - before.Events, inserted,
            after.Malformed - before.Malformed, after.Overlong - before.Overlong, after.InvalidUtf8 - before.InvalidUtf8, rotations, lastEvent);
}
