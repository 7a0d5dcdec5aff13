namespace HAProxy.Logs;

/// <summary>Events found in a run of complete lines, and the offset just past them (a safe checkpoint).</summary>
/// <param name="EndOfStream">The read reached the end of the stream: the last batch.</param>
public sealed record LogScanBatch(IReadOnlyList<ScannedLogEvent> Events, long EndOffset, bool EndOfStream);
