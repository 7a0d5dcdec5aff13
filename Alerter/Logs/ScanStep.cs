namespace Alerter.Logs;

/// <summary>
/// The pure steps of a scan run, values in and decision out, so a rotation fix is made here and tested with values
/// (<c>ScanStepTests</c>): whether an opened segment may be read, and what a batch commits. <see cref="LogFileScanner"/>
/// does the I/O around them (open, stat, fingerprint, read, transaction).
/// </summary>
public static class ScanStep
{
    /// <summary>The run's state before its first segment.</summary>
    public static ScanRun Start(LogCheckpoint? checkpoint, ScanAction action) => new(
        checkpoint,
        checkpoint?.CopiesReadThrough ?? default,
        action is ScanAction.FinishRotatedThenNew or ScanAction.RestartAfterTruncate or ScanAction.RotatedFileLost ? 1 : 0,
        checkpoint?.Offset ?? 0,
        0);

    /// <summary>
    /// Whether the open file is the one whose checkpointed first bytes must be checked before reading on: the
    /// segment resumes the expected checkpoint's file at its offset.
    /// </summary>
    public static bool ResumesCheckpoint(ScanRun run, ScanSegment segment, FileIdentity opened)
        => run.Expected is { FingerprintLength: > 0 } known && known.Identity == opened && segment.FromOffset == known.Offset;

    /// <summary>
    /// Whether the opened segment may be read: it is the file that was planned, it is not shorter than where the read
    /// starts, and (when it resumes the checkpoint) its first bytes are still those fingerprinted. Otherwise it was
    /// rotated or rewritten between the look and the open, and the next run decides again.
    /// </summary>
    /// <param name="fingerprintStillMatches">For a segment that <see cref="ResumesCheckpoint"/>: whether the file's
    /// first bytes still have the checkpoint's fingerprint; ignored otherwise.</param>
    public static bool CanRead(ScanRun run, ScanSegment segment, FileIdentity opened, long sizeAtOpen, bool fingerprintStillMatches)
        => opened == segment.Identity
           && sizeAtOpen >= segment.FromOffset
           && (!ResumesCheckpoint(run, segment, opened) || fingerprintStillMatches);

    /// <summary>The run once a segment is open: its fingerprint is of the bytes present at open (at most <see cref="Fingerprint.MaxBytes"/>).</summary>
    public static ScanRun Opened(ScanRun run, long sizeAtOpen, string fingerprintAtOpen)
        => run with { FingerprintLength = (int)Math.Min(Fingerprint.MaxBytes, sizeAtOpen), Fingerprint = fingerprintAtOpen };

    /// <summary>What one batch of <paramref name="segment"/> commits.</summary>
    /// <param name="path">The log path the checkpoint belongs to.</param>
    /// <param name="next">The plan's following segment, or null when this is the last.</param>
    /// <param name="opened">The identity of the open file.</param>
    /// <param name="ordinals">The occurrence counts after this batch's events (serialized).</param>
    /// <param name="observedAt">When this run looked at the file system.</param>
    public static BatchCommit Commit(ScanRun run, string path, ScanSegment segment, ScanSegment? next, FileIdentity opened, ScanBatch batch,
        string ordinals, DateTimeOffset observedAt)
    {
        var moveOn = batch.EndOfSegment && next is not null;
        var copiesReadThrough = moveOn && segment.LastWriteUtc > run.CopiesReadThrough ? segment.LastWriteUtc : run.CopiesReadThrough;
        var fingerprintLength = run.FingerprintLength;
        var fingerprint = run.Fingerprint;
        if (batch.Head.Length > fingerprintLength)
        {
            // The file was shorter than the fingerprint when opened (often empty, just after a copytruncate) and grew
            // while being read: fingerprint the bytes this read parsed, or the next copytruncate's copy of them would
            // not be recognised and would be read again.
            fingerprintLength = batch.Head.Length;
            fingerprint = Fingerprint.Of(batch.Head.Span);
        }
        var checkpoint = new LogCheckpoint(path, moveOn ? next!.Identity : opened, moveOn ? next!.FromOffset : batch.EndOffset,
            moveOn ? 0 : fingerprintLength, moveOn ? Fingerprint.Of([]) : fingerprint, ordinals, observedAt, copiesReadThrough);
        // A rotation is counted once: when the run moves on to the next segment, or at the last segment's first commit.
        var rotations = moveOn || (run.PendingRotations > 0 && next is null) ? run.PendingRotations : 0;
        var after = run with
        {
            Expected = checkpoint,
            CopiesReadThrough = copiesReadThrough,
            PendingRotations = run.PendingRotations - rotations,
            Offset = checkpoint.Offset,
            FingerprintLength = fingerprintLength,
            Fingerprint = fingerprint,
        };
        return new BatchCommit(checkpoint, rotations, fingerprintLength, fingerprint, after);
    }
}
