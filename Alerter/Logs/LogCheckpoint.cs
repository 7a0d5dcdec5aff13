namespace Alerter.Logs;

/// <summary>
/// Where the scan of one log path stands: the file (device, inode) being read, the byte after the last
/// consumed line, and a fingerprint of the file's first <see cref="FingerprintLength"/> bytes (copytruncate
/// detection). <see cref="OrdinalState"/> carries the occurrence counts of recent idempotency keys.
/// <see cref="ObservedUtc"/> is when the scan that wrote it looked at the file system: a copy modified later
/// holds lines that scan could not have read. <see cref="CopiesReadThrough"/> is the newest modification time of
/// a rotated copy already read to its end, so it is never read again.
/// </summary>
public sealed record LogCheckpoint(
    string Path,
    FileIdentity Identity,
    long Offset,
    int FingerprintLength,
    string Fingerprint,
    string OrdinalState,
    DateTimeOffset ObservedUtc = default,
    DateTimeOffset CopiesReadThrough = default);
