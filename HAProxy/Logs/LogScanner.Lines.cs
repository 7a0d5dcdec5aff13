using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace HAProxy.Logs;

public sealed partial class LogScanner
{
    /// <summary>Where a scan of one buffer stands.</summary>
    private ref struct ScanState(ReadOnlySpan<byte> buffer, long bufferOffset, List<ScannedLogEvent> events, LogScanCounters counters)
    {
        public readonly ReadOnlySpan<byte> Buffer = buffer;
        public readonly long BufferOffset = bufferOffset;
        public readonly List<ScannedLogEvent> Events = events;
        public readonly LogScanCounters Counters = counters;

        /// <summary>Start of the line being scanned: everything before it has been consumed.</summary>
        public int LineStart;
    }

    /// <summary>Decodes and parses one line that holds a marker; counts it when overlong, malformed or not UTF-8.</summary>
    private void HandleLine(ref ScanState state, int lineStart, int lineEnd, int nextOffset, bool hasCandidate)
    {
        if (lineEnd - lineStart > MaxLineBytes)
        {
            state.Counters.Overlong++;
            return;
        }
        if (!hasCandidate)
        {
            return;
        }
        var bytes = state.Buffer[lineStart..lineEnd];
        if (!Utf8.IsValid(bytes))
        {
            state.Counters.InvalidUtf8++;
        }
        char[]? rented = null;
        var chars = bytes.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            var text = chars[..Encoding.UTF8.GetChars(bytes, chars)].TrimEnd('\r');
            switch (LogLineParser.TryParse(text, Context, out var logEvent))
            {
                case LogLineOutcome.Event:
                    state.Events.Add(new ScannedLogEvent(logEvent!, state.BufferOffset + lineStart, state.BufferOffset + nextOffset, text.ToString()));
                    state.Counters.Events++;
                    break;
                case LogLineOutcome.Malformed:
                    state.Counters.Malformed++;
                    break;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
