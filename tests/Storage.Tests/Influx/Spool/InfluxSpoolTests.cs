using System.Text;
using Storage.Influx.Spool;
using TestSupport;

namespace Storage.Tests.Influx.Spool;

public class InfluxSpoolTests
{
    private const long Max = 1024 * 1024;
    private const long Segment = 64 * 1024;

    private static byte[] Batch(int i) => Encoding.UTF8.GetBytes($"m f={i}i {i}\n");

    [Fact]
    public void Open_DirectoryHeldByAnotherSpool_RefusedWithAdviceUntilTheHolderCloses()
    {
        using var dir = new TempDirectory("spool");
        var holder = new InfluxSpool(dir.Path, Max, Segment);
        holder.Append(Batch(1), 1, gzip: false);

        var error = Should.Throw<SpoolInUseException>(() => new InfluxSpool(dir.Path, Max, Segment));

        error.Message.ShouldContain("is in use by another process");
        error.Message.ShouldContain("Give each process its own SpoolDirectory");
        holder.Dispose();
        using var next = new InfluxSpool(dir.Path, Max, Segment);
        next.PendingPoints.ShouldBe(1, "the next owner finds what the first one spooled");
    }

    [Fact]
    public void Peek_AfterAppends_ReturnsOldestFirstUntilCommitted()
    {
        using var dir = new TempDirectory("spool");
        using var spool = new InfluxSpool(dir.Path, Max, Segment);
        spool.Append(Batch(1), 1, gzip: false);
        spool.Append(Batch(2), 2, gzip: true);
        spool.PendingPoints.ShouldBe(3);

        var first = spool.Peek()!;
        Encoding.UTF8.GetString(first.Payload).ShouldBe("m f=1i 1\n");
        first.Points.ShouldBe(1);
        first.Gzip.ShouldBeFalse();
        spool.Peek()!.Offset.ShouldBe(first.Offset, "peek does not consume");

        spool.Commit(first).ShouldBeTrue();
        var second = spool.Peek()!;
        Encoding.UTF8.GetString(second.Payload).ShouldBe("m f=2i 2\n");
        second.Gzip.ShouldBeTrue();
        spool.Commit(second).ShouldBeTrue();
        spool.Peek().ShouldBeNull();
        spool.PendingPoints.ShouldBe(0);
        spool.PendingBytes.ShouldBe(0);
    }

    [Fact]
    public void Reopen_AfterPartialCommit_ResumesAtDurablePosition()
    {
        using var dir = new TempDirectory("spool");
        using (var spool = new InfluxSpool(dir.Path, Max, Segment))
        {
            for (var i = 0; i < 5; i++)
            {
                spool.Append(Batch(i), 1, false);
            }
            spool.Commit(spool.Peek()!);
            spool.Commit(spool.Peek()!);
        }
        using var reopened = new InfluxSpool(dir.Path, Max, Segment);
        reopened.PendingPoints.ShouldBe(3);
        Encoding.UTF8.GetString(reopened.Peek()!.Payload).ShouldBe("m f=2i 2\n");
        reopened.Append(Batch(9), 1, false);
        var order = new List<string>();
        while (reopened.Peek() is { } r)
        {
            order.Add(Encoding.UTF8.GetString(r.Payload).Trim());
            reopened.Commit(r);
        }
        order.ShouldBe(["m f=2i 2", "m f=3i 3", "m f=4i 4", "m f=9i 9"]);
    }

    [Fact]
    public void Reopen_TornRecordAtEnd_CutOffAndEarlierRecordsKept()
    {
        using var dir = new TempDirectory("spool");
        using (var spool = new InfluxSpool(dir.Path, Max, Segment))
        {
            spool.Append(Batch(1), 1, false);
            spool.Append(Batch(2), 1, false);
        }
        var segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        var full = new FileInfo(segment).Length;
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(full - 3); // the process died in the middle of the second append
        }
        using var reopened = new InfluxSpool(dir.Path, Max, Segment);
        reopened.PendingPoints.ShouldBe(1);
        reopened.RecoveryNotes.ShouldHaveSingleItem().ShouldContain("torn write");
        reopened.Append(Batch(3), 1, false);
        var records = new List<string>();
        while (reopened.Peek() is { } r)
        {
            records.Add(Encoding.UTF8.GetString(r.Payload).Trim());
            reopened.Commit(r);
        }
        records.ShouldBe(["m f=1i 1", "m f=3i 3"]);
    }

    [Fact]
    public void Reopen_CorruptedPayloadByte_RecordRejectedByChecksum()
    {
        using var dir = new TempDirectory("spool");
        using (var spool = new InfluxSpool(dir.Path, Max, Segment))
        {
            spool.Append(Batch(1), 1, false);
        }
        var segment = Directory.GetFiles(dir.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[^2] ^= 0xFF;
        File.WriteAllBytes(segment, bytes);
        using var reopened = new InfluxSpool(dir.Path, Max, Segment);
        reopened.PendingPoints.ShouldBe(0);
        reopened.Peek().ShouldBeNull();
    }

    [Fact]
    public void Append_BeyondBound_DropsOldestSegmentsAndCountsPoints()
    {
        using var dir = new TempDirectory("spool");
        var payload = new byte[30 * 1024];
        using var spool = new InfluxSpool(dir.Path, maxBytes: 256 * 1024, segmentBytes: 64 * 1024);
        long dropped = 0;
        for (var i = 0; i < 20; i++)
        {
            payload[0] = (byte)i;
            dropped += spool.Append(payload, 10, false).DroppedPoints;
        }
        spool.FileBytes.ShouldBeLessThanOrEqualTo(256 * 1024);
        dropped.ShouldBeGreaterThan(0);
        (spool.PendingPoints + dropped).ShouldBe(200, "every point is either pending or counted as dropped");
        var head = spool.Peek()!;
        head.Payload[0].ShouldBe((byte)(dropped / 10), "the oldest were dropped, the rest kept in order");
    }

    [Fact]
    public void Commit_RecordDroppedWhileInFlight_ReturnsFalse()
    {
        using var dir = new TempDirectory("spool");
        using var spool = new InfluxSpool(dir.Path, maxBytes: 128 * 1024, segmentBytes: 64 * 1024);
        spool.Append(new byte[40 * 1024], 1, false);
        var inFlight = spool.Peek()!;
        for (var i = 0; i < 6; i++)
        {
            spool.Append(new byte[40 * 1024], 1, false);
        }
        spool.Commit(inFlight).ShouldBeFalse();
    }

    [Fact]
    public void Commit_WholeSegmentsConsumed_FilesDeleted()
    {
        using var dir = new TempDirectory("spool");
        using var spool = new InfluxSpool(dir.Path, Max, Segment);
        for (var i = 0; i < 10; i++)
        {
            spool.Append(new byte[20 * 1024], 1, false);
        }
        Directory.GetFiles(dir.Path, "*.seg").Length.ShouldBeGreaterThan(2);
        while (spool.Peek() is { } r)
        {
            spool.Commit(r);
        }
        Directory.GetFiles(dir.Path, "*.seg").Length.ShouldBe(1, "only the segment being written remains");
    }
}
