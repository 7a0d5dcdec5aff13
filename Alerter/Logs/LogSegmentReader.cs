using HAProxy.Logs;

namespace Alerter.Logs;

/// <summary>
/// Reads a file from an offset to its current end through <see cref="LogScanner"/> and hands out batches of
/// events at line boundaries, at most every <c>batchBytes</c>, so the caller can commit events and checkpoint
/// together. A line longer than the read buffer is skipped whole and counted as overlong.
/// </summary>
public sealed class LogSegmentReader(int bufferBytes, long batchBytes)
{
    public async Task ReadAsync(Stream stream, long fromOffset, bool isFinal, LogScanner scanner, LogScanCounters counters,
        Func<ScanBatch, ValueTask> onBatch, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[Math.Max(bufferBytes, 4096)];
        var filled = 0;
        var bufferStart = fromOffset;
        var lastBatchEnd = fromOffset;
        var skipping = false;
        var events = new List<ScannedLogEvent>();
        // A read from byte 0 keeps the first bytes it saw, for the checkpoint's fingerprint: the file may have been
        // shorter (often empty, just after a copytruncate) when the caller opened and fingerprinted it.
        var head = fromOffset == 0 ? new byte[Fingerprint.MaxBytes] : [];
        var headLength = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            var readAt = bufferStart + filled;
            if (readAt == headLength && headLength < head.Length && read > 0)
            {
                var take = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(filled, take).CopyTo(head.AsSpan(headLength));
                headLength += take;
            }
            var endOfFile = read == 0;
            filled += read;
            if (skipping)
            {
                var newline = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
                var skip = newline >= 0 ? newline + 1 : filled;
                counters.BytesScanned += skip;
                bufferStart += skip;
                Shift(buffer, ref filled, skip);
                skipping = newline < 0 && !endOfFile;
            }
            if (!skipping && (filled > 0 || endOfFile))
            {
                var known = events.Count;
                var consumed = scanner.Scan(buffer.AsSpan(0, filled), bufferStart, endOfFile && isFinal, events, counters);
                DropUndecodable(events, known, counters);
                bufferStart += consumed;
                Shift(buffer, ref filled, consumed);
                if (consumed == 0 && filled == buffer.Length)
                {
                    // One line fills the whole buffer: skip it to its newline.
                    counters.Overlong++;
                    counters.BytesScanned += filled;
                    bufferStart += filled;
                    filled = 0;
                    skipping = true;
                }
            }
            if (endOfFile || bufferStart - lastBatchEnd >= batchBytes)
            {
                await onBatch(new ScanBatch(events.ToArray(), bufferStart, endOfFile, head.AsMemory(0, headLength))).ConfigureAwait(false);
                events.Clear();
                lastBatchEnd = bufferStart;
                progress?.Report(bufferStart);
            }
            if (endOfFile)
            {
                return;
            }
        }
    }

    /// <summary>
    /// An event parsed from a line that was not valid UTF-8 (names holding U+FFFD) is skipped and counted as
    /// malformed: an alert must not name a server that does not exist under that name.
    /// </summary>
    internal static void DropUndecodable(List<ScannedLogEvent> events, int from, LogScanCounters counters)
    {
        for (var i = events.Count - 1; i >= from; i--)
        {
            if (events[i].Line.Contains('\uFFFD', StringComparison.Ordinal))
            {
                events.RemoveAt(i);
                counters.Events--;
                counters.Malformed++;
            }
        }
    }

    private static void Shift(byte[] buffer, ref int filled, int consumed)
    {
        if (consumed <= 0)
        {
            return;
        }
        Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
        filled -= consumed;
    }
}
