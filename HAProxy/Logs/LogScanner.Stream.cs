using System.Buffers;

namespace HAProxy.Logs;

public sealed partial class LogScanner
{
    /// <summary>Read size of <see cref="ScanStreamAsync"/>: large reads keep the per-read cost out of the way.</summary>
    public const int StreamBufferBytes = 1024 * 1024;

    /// <summary>Scans a stream from its current position to its end; offsets start at <paramref name="startOffset"/>.</summary>
    /// <returns>
    /// The offset just past the last complete line: a trailing line without '\n' (still being written) is left for
    /// the next scan. A line longer than the read buffer is counted once in <see cref="LogScanCounters.Overlong"/>
    /// and skipped up to its '\n'; if the stream ends inside such a line, the returned offset is past the bytes
    /// skipped so far, so a stuck writer cannot make every later scan re-read it.
    /// </returns>
    public async Task<long> ScanStreamAsync(Stream stream, long startOffset, Func<ScannedLogEvent, ValueTask> onEvent, LogScanCounters counters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onEvent);
        ArgumentNullException.ThrowIfNull(counters);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(StreamBufferBytes, (MaxLineBytes * 2) + 2));
        var events = new List<ScannedLogEvent>();
        var offset = startOffset;
        var filled = 0;
        var discarding = false;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (discarding)
                {
                    // filled is 0 here: the bytes read are the rest of an overlong line, then maybe more lines.
                    var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                    var skipped = newline < 0 ? read : newline + 1;
                    offset += skipped;
                    counters.BytesScanned += skipped;
                    if (newline < 0)
                    {
                        continue;
                    }
                    discarding = false;
                    buffer.AsSpan(skipped, read - skipped).CopyTo(buffer);
                    read -= skipped;
                }
                filled += read;
                var consumed = Scan(buffer.AsSpan(0, filled), offset, isFinalBlock: false, events, counters);
                foreach (var scanned in events)
                {
                    await onEvent(scanned).ConfigureAwait(false);
                }
                events.Clear();
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                offset += consumed;
                if (filled == buffer.Length)
                {
                    // One unfinished line fills the whole buffer, so it is longer than MaxLineBytes: skip to its end.
                    counters.Overlong++;
                    counters.BytesScanned += filled;
                    offset += filled;
                    filled = 0;
                    discarding = true;
                }
            }
            return offset;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
