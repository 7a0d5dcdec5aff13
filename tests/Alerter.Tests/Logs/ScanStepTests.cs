using System.Text;
using Alerter.Logs;

namespace Alerter.Tests.Logs;

/// <summary>The scan run's decisions, with values: no file, no database, no clock.</summary>
public class ScanStepTests
{
    private const string Log = "/var/log/haproxy.log";
    private static readonly FileIdentity Live = new(2049, 100);
    private static readonly FileIdentity Rotated = new(2049, 50);
    private static readonly DateTimeOffset ObservedAt = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CopyWritten = ObservedAt.AddMinutes(-1);
    private static readonly byte[] First = Encoding.ASCII.GetBytes("<129>Nov 21 21:39:16 haproxy[6085]: Server be/srv1 is DOWN");

    private static LogCheckpoint Checkpoint(long offset = 1000, FileIdentity? identity = null) =>
        new(Log, identity ?? Live, offset, First.Length, Fingerprint.Of(First), "", ObservedAt.AddSeconds(-5));

    private static ScanBatch Batch(long end, bool endOfSegment = false, byte[]? head = null) => new([], end, endOfSegment, head ?? default(ReadOnlyMemory<byte>));

    [Fact]
    public void CanRead_PlannedFileResumedWithItsFingerprint_Yes()
    {
        var run = ScanStep.Start(Checkpoint(), ScanAction.Continue);
        var segment = new ScanSegment(Log, Live, 1000, IsFinal: false);

        ScanStep.ResumesCheckpoint(run, segment, Live).ShouldBeTrue();
        ScanStep.CanRead(run, segment, Live, sizeAtOpen: 5000, fingerprintStillMatches: true).ShouldBeTrue();
    }

    [Fact]
    public void CanRead_RotatedBetweenTheLookAndTheOpen_No()
        => ScanStep.CanRead(ScanStep.Start(Checkpoint(), ScanAction.Continue), new ScanSegment(Log, Live, 1000, false), Rotated, 5000, true).ShouldBeFalse();

    [Fact]
    public void CanRead_ShorterThanTheOffset_No()
        => ScanStep.CanRead(ScanStep.Start(Checkpoint(), ScanAction.Continue), new ScanSegment(Log, Live, 1000, false), Live, 999, true).ShouldBeFalse();

    [Fact]
    public void CanRead_CopytruncateBetweenTheLookAndTheOpen_FirstBytesChanged_No()
        => ScanStep.CanRead(ScanStep.Start(Checkpoint(), ScanAction.Continue), new ScanSegment(Log, Live, 1000, false), Live, 5000, fingerprintStillMatches: false).ShouldBeFalse();

    [Fact]
    public void CanRead_NewFileFromZero_NoFingerprintToCheck()
    {
        var run = ScanStep.Start(Checkpoint(identity: Rotated), ScanAction.FinishRotatedThenNew);
        var segment = new ScanSegment(Log, Live, 0, false);

        ScanStep.ResumesCheckpoint(run, segment, Live).ShouldBeFalse();
        ScanStep.CanRead(run, segment, Live, 0, fingerprintStillMatches: false).ShouldBeTrue();
    }

    [Fact]
    public void Commit_BatchInsideTheSegment_CheckpointAtItsEndWithTheFingerprintFromOpen()
    {
        var run = ScanStep.Opened(ScanStep.Start(Checkpoint(), ScanAction.Continue), 5000, Fingerprint.Of(First));
        var segment = new ScanSegment(Log, Live, 1000, false);

        var commit = ScanStep.Commit(run, Log, segment, null, Live, Batch(3000), "ordinals", ObservedAt);

        commit.Checkpoint.ShouldBe(new LogCheckpoint(Log, Live, 3000, (int)Math.Min(Fingerprint.MaxBytes, 5000), Fingerprint.Of(First), "ordinals", ObservedAt, default));
        commit.FingerprintLength.ShouldBe(Fingerprint.MaxBytes);
        commit.Rotations.ShouldBe(0);
        commit.Next.Expected.ShouldBe(commit.Checkpoint);
        commit.Next.Offset.ShouldBe(3000);
    }

    [Fact]
    public void Commit_EndOfARotatedCopy_MovesOnToTheNextSegmentCountsTheRotationAndRemembersTheCopy()
    {
        var run = ScanStep.Opened(ScanStep.Start(Checkpoint(identity: Rotated), ScanAction.FinishRotatedThenNew), 9000, "fp-rotated");
        var rotated = new ScanSegment(Log + ".1", Rotated, 1000, IsFinal: true, CopyWritten);
        var live = new ScanSegment(Log, Live, 0, false);

        var commit = ScanStep.Commit(run, Log, rotated, live, Rotated, Batch(9000, endOfSegment: true), "", ObservedAt);

        commit.Checkpoint.Identity.ShouldBe(Live);
        commit.Checkpoint.Offset.ShouldBe(0);
        commit.Checkpoint.FingerprintLength.ShouldBe(0);
        commit.Checkpoint.CopiesReadThrough.ShouldBe(CopyWritten);
        commit.Rotations.ShouldBe(1);
        commit.Next.PendingRotations.ShouldBe(0);
        // The copy's own first bytes are still what must hold until this commit.
        commit.Fingerprint.ShouldBe("fp-rotated");
    }

    [Fact]
    public void Commit_MiddleOfARotatedCopy_NoRotationYet()
    {
        var run = ScanStep.Opened(ScanStep.Start(Checkpoint(identity: Rotated), ScanAction.FinishRotatedThenNew), 9000, "fp-rotated");
        var rotated = new ScanSegment(Log + ".1", Rotated, 1000, IsFinal: true, CopyWritten);

        var commit = ScanStep.Commit(run, Log, rotated, new ScanSegment(Log, Live, 0, false), Rotated, Batch(5000), "", ObservedAt);

        commit.Rotations.ShouldBe(0);
        commit.Next.PendingRotations.ShouldBe(1);
        commit.Checkpoint.Identity.ShouldBe(Rotated);
        commit.Checkpoint.CopiesReadThrough.ShouldBe(default);
    }

    [Fact]
    public void Commit_RestartAfterTruncateOnTheLastSegment_CountsTheRotationOnce()
    {
        var run = ScanStep.Opened(ScanStep.Start(Checkpoint(), ScanAction.RestartAfterTruncate), 10, "fp");
        var segment = new ScanSegment(Log, Live, 0, false);

        var first = ScanStep.Commit(run, Log, segment, null, Live, Batch(4096), "", ObservedAt);
        var second = ScanStep.Commit(first.Next, Log, segment, null, Live, Batch(8192), "", ObservedAt);

        first.Rotations.ShouldBe(1);
        second.Rotations.ShouldBe(0);
    }

    [Fact]
    public void Commit_FileGrewFromEmptyWhileRead_FingerprintsTheBytesTheReadParsed()
    {
        // Opened empty (just after a copytruncate); a line landed before the read: the checkpoint must fingerprint
        // that line, or the next copytruncate's copy of it is taken for unread lines and alerted twice.
        var run = ScanStep.Opened(ScanStep.Start(null, ScanAction.StartNew), 0, Fingerprint.Of([]));
        var segment = new ScanSegment(Log, Live, 0, false);

        var commit = ScanStep.Commit(run, Log, segment, null, Live, Batch(First.Length, head: First), "", ObservedAt);

        commit.FingerprintLength.ShouldBe(First.Length);
        commit.Fingerprint.ShouldBe(Fingerprint.Of(First));
        commit.Checkpoint.FingerprintLength.ShouldBe(First.Length);
        commit.Checkpoint.Fingerprint.ShouldBe(Fingerprint.Of(First));
    }
}
