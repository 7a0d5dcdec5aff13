namespace Alerter.Logs;

/// <summary>One file to read from <see cref="FromOffset"/> to its end.</summary>
/// <param name="IsFinal">Nobody writes to it any more: a last line without newline is consumed too.</param>
/// <param name="LastWriteUtc">The file's modification time (rotated copies), recorded once the copy is read.</param>
public sealed record ScanSegment(string Path, FileIdentity Identity, long FromOffset, bool IsFinal, DateTimeOffset LastWriteUtc = default);
