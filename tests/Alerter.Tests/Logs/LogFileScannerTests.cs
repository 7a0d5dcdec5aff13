using System.Text;
using Alerter.Logs;
using Alerter.Tests.Support;
using TestSupport;

namespace Alerter.Tests.Logs;

public class LogFileScannerTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 21, 21, 39, 16);
    private readonly TempDirectory _dir = new("scan");
    private readonly ScanHarness _harness;
    private readonly string _log;

    public LogFileScannerTests()
    {
        _harness = new ScanHarness(_dir.Combine("alerter.db"));
        _log = _dir.Combine("haproxy.log");
    }

    private void Append(params string[] lines) => File.AppendAllText(_log, string.Concat(lines.Select(l => l + "\n")));

    [Fact]
    public async Task ScanAsync_FirstStartAtEnd_IgnoresHistoryThenReadsNewLines()
    {
        Append(CapturedLines.Down(T0), CapturedLines.Request(T0));
        (await _harness.ScanAsync(_log, StartPosition.End)).Action.ShouldBe(ScanAction.StartNew);
        _harness.Events().ShouldBeEmpty();

        Append(CapturedLines.Up(T0.AddSeconds(3)));
        var result = await _harness.ScanAsync(_log, StartPosition.End);

        result.Action.ShouldBe(ScanAction.Continue);
        _harness.Events().ShouldHaveSingleItem().Kind.ShouldBe("ServerUp");
    }

    [Fact]
    public async Task ScanAsync_RescanWithoutNewLines_AddsNothing()
    {
        Append(CapturedLines.Down(T0), CapturedLines.Up(T0.AddSeconds(1)));
        await _harness.ScanAsync(_log);
        await _harness.ScanAsync(_log);

        _harness.Events().Select(e => e.Kind).ShouldBe(["ServerDown", "ServerUp"]);
        _harness.CheckpointCounters(_log)["events"].ShouldBe(2);
    }

    [Fact]
    public async Task ScanAsync_HalfWrittenLastLine_WaitsForItsNewline()
    {
        var down = CapturedLines.Down(T0);
        File.AppendAllText(_log, down[..40]);
        await _harness.ScanAsync(_log);
        _harness.Events().ShouldBeEmpty();

        File.AppendAllText(_log, down[40..] + "\n");
        await _harness.ScanAsync(_log);

        _harness.Events().ShouldHaveSingleItem().Server.ShouldBe("srv1");
        _harness.CheckpointCounters(_log)["malformed"].ShouldBe(0);
    }

    [Fact]
    public async Task ScanAsync_SameTransitionTwiceInOneSecond_StoresBothWithOrdinal()
    {
        Append(CapturedLines.Down(T0), CapturedLines.Up(T0), CapturedLines.Down(T0));
        await _harness.ScanAsync(_log);

        _harness.Events().Select(e => e.Key).ShouldBe([
            "lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z",
            "lb1|be/srv1|ServerUp|2026-11-21T21:39:16.000000Z",
            "lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z#2",
        ]);
    }

    [Fact]
    public async Task ScanAsync_OrdinalAcrossBatchBoundary_StaysStable()
    {
        // Small batches: the two identical-key lines are committed separately; the ordinal survives in the checkpoint.
        var harness = new ScanHarness(_dir.Combine("small.db"), new LogScanOptions { AssumedUtcOffset = TimeSpan.Zero, BatchBytes = 4096, ReadBufferBytes = 64 * 1024 });
        Append(CapturedLines.Down(T0));
        Append(Enumerable.Range(0, 40).Select(i => CapturedLines.Request(T0, 40000 + i)).ToArray());
        await harness.ScanAsync(_log);
        Append(CapturedLines.Down(T0));
        await harness.ScanAsync(_log);

        harness.Events().Select(e => e.Key).ShouldBe([
            "lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z",
            "lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z#2",
        ]);
    }

    [Fact]
    public async Task ScanAsync_RenameRotation_FinishesOldFileThenReadsNewFromZero()
    {
        Append(CapturedLines.Down(T0));
        await _harness.ScanAsync(_log);
        Append(CapturedLines.Up(T0.AddSeconds(1)));        // written before the rotation, not yet scanned
        File.Move(_log, _log + ".1");
        Append(CapturedLines.Down(T0.AddSeconds(2)));     // the writer reopened: a new file

        var result = await _harness.ScanAsync(_log);

        result.Action.ShouldBe(ScanAction.FinishRotatedThenNew);
        _harness.Events().Select(e => e.Kind).ShouldBe(["ServerDown", "ServerUp", "ServerDown"]);
        _harness.CheckpointCounters(_log)["rotations"].ShouldBe(1);
        (await _harness.ScanAsync(_log)).Action.ShouldBe(ScanAction.Continue);
        _harness.Events().Count.ShouldBe(3);
    }

    [Fact]
    public async Task ScanAsync_Copytruncate_FinishesCopyThenRestartsLiveFileFromZero()
    {
        Append(CapturedLines.Down(T0), CapturedLines.Request(T0));
        await _harness.ScanAsync(_log);
        Append(CapturedLines.Up(T0.AddSeconds(1)));       // not yet scanned when the copy is made
        File.Copy(_log, _log + ".1");
        using (var truncate = new FileStream(_log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            truncate.SetLength(0);
        }
        Append(CapturedLines.Down(T0.AddSeconds(2)));

        var result = await _harness.ScanAsync(_log);

        result.Action.ShouldBe(ScanAction.RestartAfterTruncate);
        _harness.Events().Select(e => e.Kind).ShouldBe(["ServerDown", "ServerUp", "ServerDown"]);
    }

    [Fact]
    public async Task ScanAsync_CopytruncateAfterOpenBeforeFirstCommit_CommitsNothingThenReadsCopyAndNewFileOnce()
    {
        // 4 KB reads and batches: the scan commits every few lines and goes on reading its open file after the rewrite.
        var files = new ReadHookFileSystemView();
        var harness = new ScanHarness(_dir.Combine("race.db"),
            new LogScanOptions { AssumedUtcOffset = TimeSpan.Zero, MaxLineBytes = 4096, ReadBufferBytes = 4096, BatchBytes = 4096 }, fileSystem: files);
        string[] before = [CapturedLines.Down(T0), CapturedLines.Request(T0)];
        Append(before);
        await harness.ScanAsync(_log);
        var committed = new FileInfo(_log).Length;
        var unread = Flapping("b1", T0.AddSeconds(1), 30); // about 13 KB: several batches
        Append(unread);
        var rewritten = Flapping("c1", T0.AddHours(1), 40); // about 17 KB, from other first bytes
        // Right after the scan's first read of the live file: it is open and fingerprinted, its first 4 KB are read,
        // and nothing of this run is committed.
        files.ArmAfterFirstRead(_ =>
        {
            File.Copy(_log, _log + ".1");
            using (var truncate = new FileStream(_log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                truncate.SetLength(0);
            }
            Append(rewritten);
        });

        var raced = await harness.ScanAsync(_log);

        files.Fired.ShouldBeTrue("the rewrite must happen inside the scan");
        harness.Events().Select(e => e.Server).ShouldBe(["srv1"], "nothing read across the rewrite is committed");
        raced.Offset.ShouldBe(committed);
        var result = await harness.ScanAsync(_log);
        result.Action.ShouldBe(ScanAction.RestartAfterTruncate);
        harness.Events().Select(e => e.Line).ShouldBe(before.Concat(unread).Concat(rewritten).Where(l => !l.Contains(" fe be/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ScanAsync_LineWrittenAfterAnEmptyFileWasMeasured_ItsCopyIsRecognisedAfterCopytruncate()
    {
        // Just after a copytruncate the live file is empty; a line that lands after the scanner measured it (nothing to
        // fingerprint) and before it read it is read all the same. The checkpoint must still fingerprint it, or the next
        // copytruncate's copy of it is taken for unread lines and the transition is alerted twice.
        var files = new ReadHookFileSystemView();
        var harness = new ScanHarness(_dir.Combine("open.db"), fileSystem: files);
        File.WriteAllText(_log, "");
        await harness.ScanAsync(_log);
        files.ArmBeforeFirstRead(path => File.AppendAllText(path, CapturedLines.Down(T0) + "\n"));
        await harness.ScanAsync(_log);
        harness.Events().Select(e => e.Kind).ShouldBe(["ServerDown"]);

        File.Copy(_log, _log + ".1");
        using (var truncate = new FileStream(_log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            truncate.SetLength(0);
        }
        Append(CapturedLines.Up(T0.AddSeconds(1)));
        var result = await harness.ScanAsync(_log);

        result.Reason.ShouldStartWith("truncated in place (copytruncate); finishing the copy");
        harness.Events().Select(e => e.Kind).ShouldBe(["ServerDown", "ServerUp"]);
    }

    /// <summary><paramref name="transitions"/> DOWN/UP lines of one server a second apart, each followed by a request line.</summary>
    private static string[] Flapping(string server, DateTime from, int transitions) =>
        Enumerable.Range(0, transitions).SelectMany(i => new[]
        {
            i % 2 == 0 ? CapturedLines.Down(from.AddSeconds(i), server: server) : CapturedLines.Up(from.AddSeconds(i), server: server),
            CapturedLines.Request(from.AddSeconds(i), 1000 + i),
        }).ToArray();

    [Fact]
    public async Task ScanAsync_TruncatedAndRefilledBeyondOffset_DetectedByFingerprint()
    {
        Append(CapturedLines.Down(T0));
        await _harness.ScanAsync(_log);
        File.WriteAllText(_log, string.Concat(Enumerable.Range(0, 5).Select(i => CapturedLines.Request(T0.AddMinutes(1), 1000 + i) + "\n")) + CapturedLines.Up(T0.AddMinutes(1)) + "\n");

        var result = await _harness.ScanAsync(_log);

        result.Action.ShouldBe(ScanAction.RestartAfterTruncate);
        _harness.Events().Select(e => e.Kind).ShouldBe(["ServerDown", "ServerUp"]);
    }

    [Fact]
    public async Task ScanAsync_GarbageLines_SkippedCountedAndLaterEventsFound()
    {
        Append(CapturedLines.Down(T0));
        using (var stream = new FileStream(_log, FileMode.Append))
        {
            stream.Write("\x01\x02 binary garbage \x7f\n"u8);
            stream.Write(Encoding.ASCII.GetBytes(CapturedLines.Down(T0.AddSeconds(1))[..70] + "\n"));       // truncated state change
            stream.Write([.. "<129>Nov 21 21:39:18 haproxy[6085]: Server be/"u8, 0xff, 0xfe, .. " is DOWN, reason: x\n"u8]); // invalid UTF-8
            stream.Write(Encoding.ASCII.GetBytes("<134>Nov 21 21:39:18 haproxy[6085]: Server " + new string('x', 1024 * 1024) + "\n")); // 1 MB
        }
        Append(CapturedLines.Up(T0.AddSeconds(5)));

        await _harness.ScanAsync(_log);

        _harness.Events().Select(e => e.Kind).ShouldBe(["ServerDown", "ServerUp"]);
        var counters = _harness.CheckpointCounters(_log);
        counters["malformed"].ShouldBe(2);
        counters["invalid_utf8"].ShouldBe(1);
        counters["overlong"].ShouldBe(1);
        counters["offset"].ShouldBe(new FileInfo(_log).Length);
    }

    public void Dispose() => _dir.Dispose();
}
