using HAProxy.Logs;

namespace Alerter.Logs;

/// <summary>Events found in a run of complete lines, and the offset just past them (the next checkpoint).</summary>
/// <param name="EndOfSegment">The reader reached the end of the file.</param>
public sealed record ScanBatch(IReadOnlyList<ScannedLogEvent> Events, long EndOffset, bool EndOfSegment);
