namespace Alerter.Logs;

/// <summary>
/// Where one scan run stands between two commits, as a value: the checkpoint it last committed (or started from),
/// the newest rotated copy read to its end, the rotations not yet counted, what it inserted, and the fingerprint of
/// the segment being read. <see cref="ScanStep"/> computes the next one; the scanner only stores it.
/// </summary>
/// <param name="Expected">The stored checkpoint this run must still find before it commits (null: none yet).</param>
/// <param name="CopiesReadThrough">Modification time of the newest rotated copy already read whole.</param>
/// <param name="PendingRotations">Rotations of this run's plan not yet counted in a commit (0 or 1).</param>
/// <param name="Offset">Where the run stands (the offset of <see cref="Expected"/>).</param>
/// <param name="Inserted">Events this run inserted.</param>
/// <param name="FingerprintLength">Bytes of the current segment that its fingerprint covers.</param>
/// <param name="Fingerprint">Fingerprint of the current segment's first bytes, as this run read them.</param>
public sealed record ScanRun(
    LogCheckpoint? Expected,
    DateTimeOffset CopiesReadThrough,
    int PendingRotations,
    long Offset,
    long Inserted,
    int FingerprintLength = 0,
    string Fingerprint = "");
