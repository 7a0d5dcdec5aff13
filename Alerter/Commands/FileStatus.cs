namespace Alerter.Commands;

/// <summary>One log path as <c>alerter status</c> shows it. <see cref="LastScan"/> is null for a configured
/// file that was never scanned. <see cref="Problem"/> says why the file cannot be read, when it cannot.</summary>
public sealed record FileStatus(
    string Path,
    string? Host,
    DateTimeOffset? LastScan,
    long Offset,
    long FileSize,
    long Device,
    long Inode,
    long Events,
    long Inserted,
    long Malformed,
    long Overlong,
    long InvalidUtf8,
    long Rotations,
    DateTimeOffset? LastEvent,
    string? LastAction,
    string? Problem = null);
