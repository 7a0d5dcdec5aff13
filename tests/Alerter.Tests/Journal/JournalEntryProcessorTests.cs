using Alerter.Journal;
using Alerter.Logs;

namespace Alerter.Tests.Journal;

public class JournalEntryProcessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Received = new(2026, 12, 4, 9, 59, 58, 524, TimeSpan.Zero);

    private static JournalEntry Entry(string message, int? pid = 6085) => new("cursor-1", Received, message, false, pid, "lbtest", 1, 16);

    [Fact]
    public void Process_ServerDown_RowKeyedLikeTheFileAtTheReceptionTimeWithThePid()
    {
        var processor = new JournalEntryProcessor("lb1", "journal:system", new EventKeyer());

        var outcome = processor.Process(Entry("Server be/srv1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."), Now, out var row);

        outcome.ShouldBe(JournalEntryOutcome.Event);
        row!.IdempotencyKey.ShouldBe("lb1|be/srv1|ServerDown|2026-12-04T09:59:58.000000Z");
        row.Event.Timestamp.ShouldBe(Received);
        (row.Event.Pid, row.Event.Severity, row.Event.Priority, row.Event.ActiveLeft).ShouldBe((6085, 1, 129, 1));
        row.Source.ShouldBe("journal:system");
        row.Observed.ShouldBe(Now);
    }

    [Fact]
    public void Process_StderrCopy_ParsedWithItsOwnPid()
    {
        var processor = new JournalEntryProcessor("lb1", "journal:system", new EventKeyer());

        processor.Process(Entry("[WARNING]  (6090) : Server be/srv1 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.", pid: 1), Now, out var row)
            .ShouldBe(JournalEntryOutcome.Event);

        row!.Event.Pid.ShouldBe(6090);
        row.Event.Kind.ShouldBe(HAProxy.Logs.LogEventKind.ServerUp);
    }

    [Fact]
    public void Process_SameMessageTwice_SecondIsACopyOfTheFirst()
    {
        var processor = new JournalEntryProcessor("lb1", "journal:system", new EventKeyer());
        const string down = "Server be/srv1 is DOWN, changed from CLI. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";

        processor.Process(Entry(down), Now, out var first).ShouldBe(JournalEntryOutcome.Event);
        processor.Process(Entry(down), Now, out var second).ShouldBe(JournalEntryOutcome.Copy, "Debian's two log lines: one message, one event");

        second.ShouldBeNull();
        var resumed = new JournalEntryProcessor("lb1", "journal:system", EventKeyer.Parse(processor.Keyer.Serialize()));
        resumed.Process(Entry(down), Now, out _).ShouldBe(JournalEntryOutcome.Copy, "the copy state is saved with the cursor");
    }

    [Fact]
    public void Process_DownUpDownInOneSecond_ThirdGetsAnOrdinal()
    {
        var processor = new JournalEntryProcessor("lb1", "journal:system", new EventKeyer());
        const string down = "Server be/srv1 is DOWN, changed from CLI. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
        const string up = "Server be/srv1 is UP, changed from CLI. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";

        processor.Process(Entry(down), Now, out var first);
        processor.Process(Entry(up), Now, out _).ShouldBe(JournalEntryOutcome.Event);
        processor.Process(Entry(down), Now, out var third).ShouldBe(JournalEntryOutcome.Event);

        third!.IdempotencyKey.ShouldBe(first!.IdempotencyKey + "#2");
    }

    [Theory]
    [InlineData("127.0.0.1:40000 [21/Nov/2026:21:40:22.001] fe be/srv1 0/0/0/1/1 200 120 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"", JournalEntryOutcome.NotAnEvent)]
    [InlineData("", JournalEntryOutcome.NotAnEvent)]
    [InlineData("Server be/srv1 is DOWN, reason: Layer4", JournalEntryOutcome.Malformed)]
    public void Process_NotAStateChange_NoRow(string message, JournalEntryOutcome expected)
    {
        new JournalEntryProcessor("lb1", "j", new EventKeyer()).Process(Entry(message), Now, out var row).ShouldBe(expected);
        row.ShouldBeNull();
    }

    [Fact]
    public void Process_InvalidUtf8_SkippedAndSaidSo()
        => new JournalEntryProcessor("lb1", "j", new EventKeyer()).Process(new JournalEntry("c", Received, null, true, null, null, null, null), Now, out _)
            .ShouldBe(JournalEntryOutcome.InvalidUtf8);
}
