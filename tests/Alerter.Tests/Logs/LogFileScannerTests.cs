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
        Append(CapturedLines.Up(T0), CapturedLines.Down(T0));
        await harness.ScanAsync(_log);

        harness.Events().Select(e => e.Key).ShouldBe([
            "lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z",
            "lb1|be/srv1|ServerUp|2026-11-21T21:39:16.000000Z",
            "lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z#2",
        ]);
    }

    /// <summary>
    /// Regression (issue 17): Debian's two <c>log</c> lines put every state change in the file twice; the second copy
    /// was stored as a new event (<c>#2</c>) and counted twice for flapping.
    /// </summary>
    [Fact]
    public async Task ScanAsync_EachLineTwiceAsDebianLogs_StoresWhatTheSingleLogStores()
    {
        string[] once = [CapturedLines.Down(T0), CapturedLines.Up(T0), CapturedLines.Down(T0), CapturedLines.Up(T0.AddSeconds(1)),
            "<128>Nov 21 21:39:18 haproxy[6085]: backend be has no server available!"];
        File.WriteAllText(_dir.Combine("once.log"), string.Concat(once.Select(l => l + "\n")));
        await _harness.ScanAsync(_dir.Combine("once.log"));
        var single = _harness.Events().Select(e => e.Key).ToList();
        var doubled = new ScanHarness(_dir.Combine("doubled.db"));
        // local0 and local1 copies: the same text, PRI of another facility.
        Append(once.SelectMany(l => new[] { l, l.Replace("<129>", "<137>").Replace("<133>", "<141>").Replace("<128>", "<136>") }).ToArray());

        await doubled.ScanAsync(_log);

        doubled.Events().Select(e => e.Key).ShouldBe(single);
        single.Count.ShouldBe(5);
        doubled.CheckpointCounters(_log)["events"].ShouldBe(10); // lines seen, not stored
    }

    /// <summary>rsyslog's RFC 3339 reception stamps: the copies differ by microseconds, here across a second boundary.</summary>
    [Fact]
    public async Task ScanAsync_CopiesWithReceptionStampsAcrossASecond_OneEvent()
    {
        const string text = "vm haproxy[29223]: Server be_x/s1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
        Append("2026-12-04T04:23:50.999995+00:00 " + text, "2026-12-04T04:23:51.000016+00:00 " + text);

        await _harness.ScanAsync(_log);

        _harness.Events().ShouldHaveSingleItem().Key.ShouldBe("lb1|be_x/s1|ServerDown|2026-12-04T04:23:50.000000Z");
    }

    [Fact]
    public async Task ScanAsync_CopySplitFromItsFirstByARestart_StillOneEvent()
    {
        Append(CapturedLines.Down(T0));
        await _harness.ScanAsync(_log);
        Append(CapturedLines.Down(T0).Replace("<129>", "<137>"));

        await new ScanHarness(_dir.Combine("alerter.db")).ScanAsync(_log);

        _harness.Events().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ScanAsync_SameTextFromAnotherProcess_NewEvent()
    {
        // A reload's new process logs the same DOWN again: another message (whether it alerts is the policy's call).
        Append(CapturedLines.Down(T0), CapturedLines.Down(T0).Replace("haproxy[6085]", "haproxy[6090]"));

        await _harness.ScanAsync(_log);

        _harness.Events().Count.ShouldBe(2);
    }

    /// <summary>
    /// A node upgraded from the build that stored copies as <c>#2</c>: its store holds both keys, already dispatched.
    /// Reading the same doubled lines again (a backfill, a re-read after rotation) adds nothing, so nothing re-alerts.
    /// </summary>
    [Fact]
    public async Task ScanAsync_StoreHoldsKeysOfTheOldRule_AddsNothing()
    {
        Append(CapturedLines.Down(T0), CapturedLines.Down(T0), CapturedLines.Up(T0.AddSeconds(1)), CapturedLines.Up(T0.AddSeconds(1)));
        using (var connection = _harness.Database.OpenEnsured())
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var (key, line) in new[]
            {
                ("lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z", CapturedLines.Down(T0)),
                ("lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z#2", CapturedLines.Down(T0)),
                ("lb1|be/srv1|ServerUp|2026-11-21T21:39:17.000000Z", CapturedLines.Up(T0.AddSeconds(1))),
                ("lb1|be/srv1|ServerUp|2026-11-21T21:39:17.000000Z#2", CapturedLines.Up(T0.AddSeconds(1))),
            })
            {
                HAProxy.Logs.LogLineParser.TryParse(line, new HAProxy.Logs.LogParseContext(new DateTimeOffset(T0, TimeSpan.Zero), TimeSpan.Zero), out var parsed);
                new Storage.Sqlite.SqliteEventStore(connection, transaction).Append([new Storage.Events.EventRow(key, "lb1", parsed!, DateTimeOffset.UnixEpoch, line, _log)], markDispatched: true);
            }
            transaction.Commit();
        }

        var result = await _harness.ScanAsync(_log);

        result.Inserted.ShouldBe(0);
        _harness.Events().Count.ShouldBe(4);
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
