using HAProxy.Logs;

namespace Alerter.Logs;

/// <summary>
/// Reads a file from an offset to its current end through the one stream loop (<see cref="LogScanner.ScanStreamAsync"/>)
/// and hands out batches of events at line boundaries, at most every <c>batchBytes</c>, so the caller can commit events
/// and checkpoint together. Adds what the Alerter needs on top: the first bytes the read saw (for the checkpoint's
/// fingerprint) and the drop of events whose names did not decode.
/// </summary>
public sealed class LogSegmentReader(int bufferBytes, long batchBytes)
{
    public async Task ReadAsync(Stream stream, long fromOffset, bool isFinal, LogScanner scanner, LogScanCounters counters,
        Func<ScanBatch, ValueTask> onBatch, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        // A read from byte 0 keeps the first bytes it saw, for the checkpoint's fingerprint: the file may have been
        // shorter (often empty, just after a copytruncate) when the caller opened and fingerprinted it.
        var head = new HeadRecordingStream(stream, fromOffset == 0 ? Fingerprint.MaxBytes : 0);
        var options = new LogStreamOptions { BufferBytes = Math.Max(bufferBytes, 4096), BatchBytes = batchBytes, IsFinal = isFinal };
        await scanner.ScanStreamAsync(head, fromOffset, options, async batch =>
        {
            var events = batch.Events as List<ScannedLogEvent> ?? [.. batch.Events];
            DropUndecodable(events, 0, counters);
            await onBatch(new ScanBatch(events, batch.EndOffset, batch.EndOfStream, head.Head)).ConfigureAwait(false);
            progress?.Report(batch.EndOffset);
        }, counters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An event parsed from a line that was not valid UTF-8 (names holding U+FFFD) is skipped and counted as
    /// malformed: an alert must not name a server that does not exist under that name.
    /// </summary>
    internal static void DropUndecodable(List<ScannedLogEvent> events, int from, LogScanCounters counters)
    {
        for (var i = events.Count - 1; i >= from; i--)
        {
            if (LogLineParser.IsUndecodable(events[i].Line))
            {
                events.RemoveAt(i);
                counters.Events--;
                counters.Malformed++;
            }
        }
    }
}
