using Alerter.Logs;
using Alerter.Ring;
using HAProxy.Logs;

namespace Alerter.Tests.Ring;

public class RingLineProcessorTests
{
    // Captured from HAProxy 2.6 (`ring events` with `format rfc5424`, `show events events -w`).
    private const string Down = "<129>1 2026-11-21T23:29:55.402793+00:00 - haproxy 467 - - Server app/web1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private const string Up = "<133>1 2026-11-21T23:29:55.602793+00:00 - haproxy 467 - - Server app/web1 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";
    private const string Maint = "<133>1 2026-11-21T23:29:58.850730+00:00 - haproxy 467 - - Server app/web1 was DOWN and now enters maintenance.";
    private const string FileDown = "<129>Nov 21 23:29:55 haproxy[467]: Server app/web1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 23, 30, 0, TimeSpan.Zero);

    private static RingLineProcessor Processor(TimeSpan? maxAge = null) => new("lb1", "ring@events", TimeSpan.Zero, maxAge ?? TimeSpan.FromMinutes(10));

    [Fact]
    public void Process_Rfc5424StateChange_RowKeyedLikeTheFileLine()
    {
        var outcome = Processor().Process(Down, Now, out var row);

        outcome.ShouldBe(RingLineOutcome.Event);
        LogLineParser.TryParse(FileDown, new LogParseContext(Now, TimeSpan.Zero), out var fromFile);
        row!.IdempotencyKey.ShouldBe(EventKey.Base("lb1", fromFile!));
        row.Event.Kind.ShouldBe(LogEventKind.ServerDown);
        row.Event.Server.ShouldBe("web1");
        row.Line.ShouldBe(Down);
        row.Source.ShouldBe("ring@events");
    }

    [Fact]
    public void Process_SameEventTwiceInOneSecond_SecondGetsOrdinal()
    {
        var processor = Processor();
        processor.Process(Down, Now, out var first);
        processor.Process(Up, Now, out _);
        processor.Process(Down.Replace(".402793", ".902793", StringComparison.Ordinal), Now, out var second);

        second!.IdempotencyKey.ShouldBe(first!.IdempotencyKey + "#2");
    }

    [Fact]
    public void Process_LineLoggedToTheRingTwice_OneEvent()
    {
        var processor = Processor();
        processor.Process(Down, Now, out var first).ShouldBe(RingLineOutcome.Event);

        processor.Process(Down.Replace("<129>", "<137>", StringComparison.Ordinal), Now, out var copy).ShouldBe(RingLineOutcome.Copy);

        copy.ShouldBeNull();
        first.ShouldNotBeNull();
    }

    [Fact]
    public void Process_BacklogOlderThanMaxAge_StaleButCountedForOrdinals()
    {
        var processor = Processor(TimeSpan.FromSeconds(3));
        processor.Process(Down, Now, out var stale).ShouldBe(RingLineOutcome.Stale); // 5 s old
        stale.ShouldBeNull();

        Processor().Process(Down, Now, out var firstFresh);
        processor.Process(Up, Now, out _);
        processor.Process(Down.Replace(".402793", ".902793", StringComparison.Ordinal), new DateTimeOffset(2026, 11, 21, 23, 29, 56, TimeSpan.Zero), out var again).ShouldBe(RingLineOutcome.Event);
        again!.IdempotencyKey.ShouldBe(firstFresh!.IdempotencyKey + "#2", "the stale first occurrence still took ordinal 1");
    }

    [Fact]
    public void Process_RequestLineEmptyLineAndCliAnswer_NotStored()
    {
        var processor = Processor();

        processor.Process("<134>1 2026-11-21T23:29:55.1+00:00 - haproxy 467 - - 127.0.0.1:58252 [21/Nov/2026:23:29:55.100] fe be/srv1 0/0/0/1/1 200 188 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"", Now, out var request).ShouldBe(RingLineOutcome.NotAnEvent);
        processor.Process("", Now, out var empty).ShouldBe(RingLineOutcome.Empty);
        processor.Process("No such event sink. Possible values:", Now, out var text).ShouldBe(RingLineOutcome.CliText);
        new[] { request, empty, text }.ShouldAllBe(r => r == null);
    }

    [Fact]
    public void Process_StateChangeWithReplacementCharacter_Malformed()
    {
        Processor().Process(Maint.Replace("web1", "w\uFFFDb1", StringComparison.Ordinal), Now, out var row).ShouldBe(RingLineOutcome.Malformed);
        row.ShouldBeNull();
    }

    [Fact]
    public void Process_TruncatedStateChange_Malformed()
    {
        Processor().Process(Down[..120], Now, out var row).ShouldBe(RingLineOutcome.Malformed);
        row.ShouldBeNull();
    }
}
