namespace Alerter.Logs;

/// <summary>
/// What the file system shows for one path at the moment of a scan.
/// </summary>
/// <param name="PrefixFingerprint">Fingerprint of the first N bytes (N from the checkpoint), or null when the
/// file is shorter than N.</param>
/// <param name="LastWriteUtc">Modification time: orders rotated files when more than one rotation happened between two scans.</param>
public sealed record FileObservation(string Path, FileIdentity Identity, long Size, string? PrefixFingerprint, DateTimeOffset LastWriteUtc = default);
