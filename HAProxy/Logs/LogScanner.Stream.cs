using System.Buffers;

namespace HAProxy.Logs;

public sealed partial class LogScanner
{
    /// <summary>Default read size of <see cref="ScanStreamAsync"/>: large reads keep the per-read cost out of the way.</summary>
    public const int StreamBufferBytes = 1024 * 1024;

    /// <summary>
    /// The one stream loop of log scanning (the Alerter's scans and backfill, the scan benchmark): scans a stream
    /// from its current position to its end, whose first byte sits at <paramref name="startOffset"/>, and hands out
    /// the events in batches that end at line boundaries, so a caller can commit events and checkpoint together.
    /// </summary>
    /// <returns>
    /// The offset just past the last complete line: a trailing line without '\n' (still being written) is left for
    /// the next scan unless <see cref="LogStreamOptions.IsFinal"/>. A line longer than the read buffer is counted once
    /// in <see cref="LogScanCounters.Overlong"/> and skipped up to its '\n'; if the stream ends inside such a line, the
    /// returned offset is past the bytes skipped so far, so a stuck writer cannot make every later scan re-read it.
    /// </returns>
    public async Task<long> ScanStreamAsync(Stream stream, long startOffset, LogStreamOptions options, Func<LogScanBatch, ValueTask> onBatch,
        LogScanCounters counters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onBatch);
        ArgumentNullException.ThrowIfNull(counters);
        var size = options.BufferBytes > 0 ? Math.Max(options.BufferBytes, 4096) : Math.Max(StreamBufferBytes, (MaxLineBytes * 2) + 2);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var events = new List<ScannedLogEvent>();
        var offset = startOffset;
        var lastBatchEnd = startOffset;
        var filled = 0;
        var discarding = false;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = await stream.ReadAsync(buffer.AsMemory(filled, size - filled), cancellationToken).ConfigureAwait(false);
                var endOfStream = read == 0;
                if (discarding && !endOfStream)
                {
                    // filled is 0 here: the bytes read are the rest of an overlong line, then maybe more lines.
                    var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                    var skipped = newline < 0 ? read : newline + 1;
                    offset += skipped;
                    counters.BytesScanned += skipped;
                    discarding = newline < 0;
                    buffer.AsSpan(skipped, read - skipped).CopyTo(buffer);
                    read -= skipped;
                }
                filled += read;
                if (!discarding && (read > 0 || (endOfStream && options.IsFinal && filled > 0)))
                {
                    var consumed = Scan(buffer.AsSpan(0, filled), offset, endOfStream && options.IsFinal, events, counters);
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                    offset += consumed;
                    if (filled == size)
                    {
                        // One unfinished line fills the whole buffer, so it is longer than MaxLineBytes: skip to its end.
                        counters.Overlong++;
                        counters.BytesScanned += filled;
                        offset += filled;
                        filled = 0;
                        discarding = true;
                    }
                }
                if (endOfStream || offset - lastBatchEnd >= options.BatchBytes)
                {
                    await onBatch(new LogScanBatch(events.ToArray(), offset, endOfStream)).ConfigureAwait(false);
                    events.Clear();
                    lastBatchEnd = offset;
                }
                if (endOfStream)
                {
                    return offset;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
