using Alerter.Logs;

namespace Alerter.Tests.Logs;

public class RotationPolicyTests
{
    private static readonly FileIdentity Old = new(2049, 100);
    private static readonly FileIdentity New = new(2049, 200);
    private static readonly FileIdentity Copy = new(2049, 300);

    private static readonly DateTimeOffset Observed = new(2026, 11, 21, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = Observed.AddHours(-1);
    private static readonly DateTimeOffset Later = Observed.AddSeconds(1);

    private static LogCheckpoint Checkpoint(long offset = 1000, FileIdentity? identity = null)
        => new("/var/log/haproxy.log", identity ?? Old, offset, 256, "fp-old", "", Observed);

    private static FileObservation File(FileIdentity identity, long size, string? fingerprint = "fp-old", string path = "/var/log/haproxy.log")
        => new(path, identity, size, fingerprint);

    /// <summary>The segments without the copies' modification times (asserted where they matter).</summary>
    private static List<ScanSegment> Shape(ScanPlan plan) => [.. plan.Segments.Select(s => s with { LastWriteUtc = default })];

    [Fact]
    public void Decide_NoCheckpointStartAtEnd_StartsAtCurrentSize()
    {
        var plan = RotationPolicy.Decide(null, File(Old, 5000), [], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.StartNew);
        plan.Segments.ShouldHaveSingleItem().FromOffset.ShouldBe(5000);
    }

    [Fact]
    public void Decide_NoCheckpointStartAtBeginning_StartsAtZero()
    {
        var plan = RotationPolicy.Decide(null, File(Old, 5000), [], StartPosition.Beginning);

        plan.Segments.ShouldHaveSingleItem().FromOffset.ShouldBe(0);
    }

    [Fact]
    public void Decide_NoCheckpointNoFile_Waits()
    {
        RotationPolicy.Decide(null, null, [], StartPosition.End).Action.ShouldBe(ScanAction.Wait);
    }

    [Fact]
    public void Decide_SameInodeGrown_ContinuesFromOffset()
    {
        var plan = RotationPolicy.Decide(Checkpoint(), File(Old, 3000), [], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.Continue);
        Shape(plan).ShouldHaveSingleItem().ShouldBe(new ScanSegment("/var/log/haproxy.log", Old, 1000, false));
        RotationPolicy.NeedsSiblings(Checkpoint(), File(Old, 3000)).ShouldBeFalse();
    }

    [Fact]
    public void Decide_SameInodeShorterThanOffset_RestartsFromZeroAfterCopytruncate()
    {
        var current = File(Old, 40, fingerprint: null);
        RotationPolicy.NeedsSiblings(Checkpoint(), current).ShouldBeTrue();

        var plan = RotationPolicy.Decide(Checkpoint(), current, [], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.RestartAfterTruncate);
        plan.Segments.ShouldHaveSingleItem().FromOffset.ShouldBe(0);
    }

    [Fact]
    public void Decide_SameInodeRefilledWithOtherFirstBytes_RestartsFromZero()
    {
        // Truncated and written past the old offset between two scans: only the fingerprint tells.
        var plan = RotationPolicy.Decide(Checkpoint(), File(Old, 5000, fingerprint: "fp-new"), [], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.RestartAfterTruncate);
        Shape(plan).ShouldHaveSingleItem().ShouldBe(new ScanSegment("/var/log/haproxy.log", Old, 0, false));
    }

    [Fact]
    public void Decide_CopytruncateWithCopyBeside_FinishesCopyFromOffsetThenLiveFromZero()
    {
        var copy = File(Copy, 1500, "fp-old", "/var/log/haproxy.log.1") with { LastWriteUtc = Later };
        var unrelated = File(new FileIdentity(2049, 400), 9000, "fp-other", "/var/log/haproxy.log.2") with { LastWriteUtc = Earlier };

        var plan = RotationPolicy.Decide(Checkpoint(), File(Old, 10, null), [unrelated, copy], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.RestartAfterTruncate);
        Shape(plan).ShouldBe([
            new ScanSegment("/var/log/haproxy.log.1", Copy, 1000, true),
            new ScanSegment("/var/log/haproxy.log", Old, 0, false),
        ]);
    }

    [Fact]
    public void Decide_CopyAlreadyReadInAnEarlierRun_IsNotReadAgain()
    {
        // Read whole by the previous run (two copytruncates close together): its time is in CopiesReadThrough.
        var checkpoint = Checkpoint() with { CopiesReadThrough = Later };
        var readBefore = File(Copy, 1500, "z", "/var/log/haproxy.log.1") with { LastWriteUtc = Later };

        var plan = RotationPolicy.Decide(checkpoint, File(Old, 10, null), [readBefore], StartPosition.End);

        plan.Segments.ShouldHaveSingleItem().Path.ShouldBe("/var/log/haproxy.log");
    }

    [Fact]
    public void Decide_CopyOlderThanLastLook_IsNotReadAgain()
    {
        var stale = File(Copy, 1500, "fp-old", "/var/log/haproxy.log.1") with { LastWriteUtc = Earlier };

        var plan = RotationPolicy.Decide(Checkpoint(), File(Old, 10, null), [stale], StartPosition.End);

        plan.Segments.ShouldHaveSingleItem().Path.ShouldBe("/var/log/haproxy.log");
    }

    [Fact]
    public void Decide_EmptyFileCopiedAndTruncatedBetweenScans_ReadsTheNewCopyWhole()
    {
        // Checkpoint at 0 of an empty file: nothing to fingerprint; the copy written since the last look tells.
        var checkpoint = new LogCheckpoint("/var/log/haproxy.log", Old, 0, 0, "", "", Observed);
        var copy = File(Copy, 300, "x", "/var/log/haproxy.log.1") with { LastWriteUtc = Later };
        RotationPolicy.NeedsSiblings(checkpoint, File(Old, 90, "y")).ShouldBeTrue();

        var plan = RotationPolicy.Decide(checkpoint, File(Old, 90, "y"), [copy], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.RestartAfterTruncate);
        Shape(plan).ShouldBe([
            new ScanSegment("/var/log/haproxy.log.1", Copy, 0, true),
            new ScanSegment("/var/log/haproxy.log", Old, 0, false),
        ]);
    }

    [Fact]
    public void Decide_FreshCopyShorterThanOffset_IsReadWholeNotFromTheOffset()
    {
        // It cannot hold the checkpointed bytes; written since the last look, it holds unread lines only.
        var copy = File(Copy, 900, "fp-old", "/var/log/haproxy.log.1") with { LastWriteUtc = Later };

        var plan = RotationPolicy.Decide(Checkpoint(), File(Old, 10, null), [copy], StartPosition.End);

        Shape(plan).ShouldBe([
            new ScanSegment("/var/log/haproxy.log.1", Copy, 0, true),
            new ScanSegment("/var/log/haproxy.log", Old, 0, false),
        ]);
    }

    [Fact]
    public void Decide_RenamedAndNewFileWritten_FinishesOldThenNewFromZero()
    {
        var renamed = File(Old, 2500, "fp-old", "/var/log/haproxy.log.1");

        var plan = RotationPolicy.Decide(Checkpoint(), File(New, 120, null), [renamed], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.FinishRotatedThenNew);
        Shape(plan).ShouldBe([
            new ScanSegment("/var/log/haproxy.log.1", Old, 1000, true),
            new ScanSegment("/var/log/haproxy.log", New, 0, false),
        ]);
    }

    [Fact]
    public void Decide_TwoRenamesBetweenScans_ReadsTheIntermediateFileWholeInOrder()
    {
        var at = new DateTimeOffset(2026, 11, 21, 21, 0, 0, TimeSpan.Zero);
        var renamed = File(Old, 2500, "fp-old", "/var/log/haproxy.log-1") with { LastWriteUtc = at };
        var older = File(new FileIdentity(2049, 50), 9000, "x", "/var/log/haproxy.log-0") with { LastWriteUtc = at.AddHours(-1) };
        var intermediate = File(Copy, 800, "y", "/var/log/haproxy.log-2") with { LastWriteUtc = at.AddSeconds(1) };
        var current = File(New, 120, null) with { LastWriteUtc = at.AddSeconds(2) };

        var plan = RotationPolicy.Decide(Checkpoint(), current, [intermediate, older, renamed], StartPosition.End);

        Shape(plan).ShouldBe([
            new ScanSegment("/var/log/haproxy.log-1", Old, 1000, true),
            new ScanSegment("/var/log/haproxy.log-2", Copy, 0, true),
            new ScanSegment("/var/log/haproxy.log", New, 0, false),
        ]);
    }

    [Fact]
    public void Decide_RenamedNewFileStillEmpty_KeepsReadingOldOnly()
    {
        // The writer may still append to the old inode until it reopens; do not switch yet.
        var renamed = File(Old, 2500, "fp-old", "/var/log/haproxy.log.1");

        var plan = RotationPolicy.Decide(Checkpoint(), File(New, 0, null), [renamed], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.FinishRotated);
        Shape(plan).ShouldBe([new ScanSegment("/var/log/haproxy.log.1", Old, 1000, false)]);
    }

    [Fact]
    public void Decide_RenamedNoNewFileYet_KeepsReadingOld()
    {
        var renamed = File(Old, 2500, "fp-old", "/var/log/haproxy.log.1");

        var plan = RotationPolicy.Decide(Checkpoint(), null, [renamed], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.FinishRotated);
        plan.Segments.ShouldHaveSingleItem().Path.ShouldBe("/var/log/haproxy.log.1");
    }

    [Fact]
    public void Decide_OldFileGoneNewFileThere_StartsNewFromZeroIgnoringStartPosition()
    {
        var plan = RotationPolicy.Decide(Checkpoint(), File(New, 700, null), [], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.RotatedFileLost);
        Shape(plan).ShouldHaveSingleItem().ShouldBe(new ScanSegment("/var/log/haproxy.log", New, 0, false));
    }

    [Fact]
    public void Decide_OldFileGoneNoNewFile_Waits()
    {
        RotationPolicy.Decide(Checkpoint(), null, [], StartPosition.End).Action.ShouldBe(ScanAction.Wait);
    }

    [Fact]
    public void Decide_InodeReusedByNewFileWithOtherContent_RestartsFromZero()
    {
        // The old file was deleted and a new one got the same inode number: the fingerprint differs.
        var plan = RotationPolicy.Decide(Checkpoint(), File(Old, 5000, "fp-new"), [], StartPosition.End);

        plan.Action.ShouldBe(ScanAction.RestartAfterTruncate);
    }
}
