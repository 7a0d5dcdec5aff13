namespace Alerter.Logs;

/// <summary>What <see cref="ScanStep.Commit"/> decided for one batch: the checkpoint to store and the run after it.</summary>
/// <param name="Checkpoint">The checkpoint to save with the batch's events.</param>
/// <param name="Rotations">Rotations to count in this commit.</param>
/// <param name="FingerprintLength">How many first bytes of the open file must still match <paramref name="Fingerprint"/>
/// before the commit (a copytruncate during the read would have replaced them).</param>
/// <param name="Fingerprint">The fingerprint those bytes must have.</param>
/// <param name="Next">The run once the commit succeeded (its <see cref="ScanRun.Inserted"/> not yet counted).</param>
public sealed record BatchCommit(LogCheckpoint Checkpoint, int Rotations, int FingerprintLength, string Fingerprint, ScanRun Next);
