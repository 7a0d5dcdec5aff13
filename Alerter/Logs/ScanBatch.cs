using HAProxy.Logs;

namespace Alerter.Logs;

/// <summary>Events found in a run of complete lines, and the offset just past them (the next checkpoint).</summary>
/// <param name="EndOfSegment">The reader reached the end of the file.</param>
/// <param name="Head">When the read started at byte 0: the file's first bytes as this read saw them, up to
/// <see cref="Fingerprint.MaxBytes"/> (what the checkpoint's fingerprint must be of); otherwise empty.</param>
public sealed record ScanBatch(IReadOnlyList<ScannedLogEvent> Events, long EndOffset, bool EndOfSegment, ReadOnlyMemory<byte> Head = default);
