namespace HAProxy.Logs;

/// <summary>
/// Finds state-change events in raw log bytes fast: request-log lines are skipped without decoding. Only
/// complete lines (ending in '\n') are consumed, so a reader never checkpoints past a half-written line.
/// </summary>
public sealed class LogScanner
{
    public LogScanner(LogParseContext context, int maxLineBytes = 64 * 1024)
    {
        Context = context;
        MaxLineBytes = maxLineBytes;
    }

    public LogParseContext Context { get; }

    public int MaxLineBytes { get; }

    /// <summary>
    /// Scans <paramref name="buffer"/>, whose first byte sits at <paramref name="bufferOffset"/> in the input,
    /// appends events to <paramref name="events"/>, and returns how many bytes were consumed (through the last
    /// complete line). With <paramref name="isFinalBlock"/> a trailing line without newline is consumed too.
    /// </summary>
    public int Scan(ReadOnlySpan<byte> buffer, long bufferOffset, bool isFinalBlock, List<ScannedLogEvent> events, LogScanCounters counters)
        => throw new NotImplementedException("owned by the logs work");

    /// <summary>Scans a stream from its current position to its end; offsets start at <paramref name="startOffset"/>.</summary>
    public Task<long> ScanStreamAsync(Stream stream, long startOffset, Func<ScannedLogEvent, ValueTask> onEvent, LogScanCounters counters, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("owned by the logs work");
}
