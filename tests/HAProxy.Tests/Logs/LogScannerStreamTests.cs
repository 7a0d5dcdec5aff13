using System.Text;
using HAProxy.Logs;
using static HAProxy.Tests.Logs.LogFixtures;

namespace HAProxy.Tests.Logs;

public class LogScannerStreamTests
{
    /// <summary>A state change from <c>Fixtures/Logs/reference-2.6.log</c>.</summary>
    private static readonly string CapturedLine = Lines("reference-2.6.log").First(l => l.Contains("is DOWN, reason", StringComparison.Ordinal));

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a pipe or a growing file does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(4096)]
    public async Task ScanStreamAsync_SmallReads_SameEventsAsOracle(int chunk)
    {
        var input = LogScannerTests.MixedInput();
        var events = new List<ScannedLogEvent>();

        var end = await new LogScanner(Context).ScanStreamAsync(new TrickleStream(input, chunk), 500, new LogStreamOptions(), b => { events.AddRange(b.Events); return ValueTask.CompletedTask; }, new LogScanCounters());

        end.ShouldBe(500 + input.Length);
        events.Select(e => (e.LineOffset, e.NextOffset, e.Line, e.Event))
            .ShouldBe(LogScannerTests.Oracle(input).Select(o => (o.Offset + 500, o.Next + 500, o.Line, o.Event)));
    }

    [Fact]
    public async Task ScanStreamAsync_TrailingPartialLine_ReturnsOffsetOfItsStart()
    {
        var complete = LogScannerTests.MixedInput();
        var input = complete.Concat(Encoding.ASCII.GetBytes("<129>Nov 21 21:38:33 haproxy[1]: Server be/srv1 is DOWN, changed")).ToArray();
        var counters = new LogScanCounters();

        var end = await new LogScanner(Context).ScanStreamAsync(new MemoryStream(input), 0, new LogStreamOptions(), _ => ValueTask.CompletedTask, counters);

        (end, counters.BytesScanned, counters.Events, counters.Malformed).ShouldBe(((long)complete.Length, (long)complete.Length, 67L, 0L));
    }

    [Fact]
    public async Task ScanStreamAsync_ResumeFromReturnedOffset_FindsOnlyNewEvents()
    {
        var first = LogScannerTests.MixedInput();
        var appended = Encoding.ASCII.GetBytes("<133>Nov 21 21:50:00 haproxy[1]: Server be/srv1 is UP/READY (leaving forced maintenance).\n");
        using var file = new MemoryStream();
        file.Write(first);
        file.Position = 0;
        var scanner = new LogScanner(Context);
        var checkpoint = await scanner.ScanStreamAsync(file, 0, new LogStreamOptions(), _ => ValueTask.CompletedTask, new LogScanCounters());
        file.Write(appended);
        file.Position = checkpoint;
        var events = new List<ScannedLogEvent>();

        var end = await scanner.ScanStreamAsync(file, checkpoint, new LogStreamOptions(), b => { events.AddRange(b.Events); return ValueTask.CompletedTask; }, new LogScanCounters());

        end.ShouldBe(first.Length + appended.Length);
        (events.Single().LineOffset, events.Single().Event.Kind).ShouldBe(((long)first.Length, LogEventKind.ServerLeavingMaintenance));
    }

    [Fact]
    public async Task ScanStreamAsync_Final_ScansTheLastLineWithoutNewline()
    {
        // A rotated copy no longer grows: its last line, unterminated, is read rather than waited for.
        var down = Encoding.ASCII.GetBytes(CapturedLine);
        var events = new List<ScannedLogEvent>();

        var end = await new LogScanner(Context).ScanStreamAsync(new MemoryStream(down), 0, new LogStreamOptions { IsFinal = true },
            b => { events.AddRange(b.Events); return ValueTask.CompletedTask; }, new LogScanCounters());

        events.ShouldHaveSingleItem().NextOffset.ShouldBe(down.Length);
        end.ShouldBe(down.Length);
    }

    [Fact]
    public async Task ScanStreamAsync_BatchBytes_BatchesEndAtLineBoundariesAndTheLastSaysEndOfStream()
    {
        var input = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(CapturedLine + "\n", 200)));
        var batches = new List<LogScanBatch>();

        await new LogScanner(Context).ScanStreamAsync(new TrickleStream(input, 4096), 0, new LogStreamOptions { BufferBytes = 4096, BatchBytes = 8192 },
            b => { batches.Add(b); return ValueTask.CompletedTask; }, new LogScanCounters());

        batches.Count.ShouldBeGreaterThan(2);
        batches.SkipLast(1).ShouldAllBe(b => !b.EndOfStream && b.EndOffset % (CapturedLine.Length + 1) == 0);
        batches[^1].EndOfStream.ShouldBeTrue();
        batches[^1].EndOffset.ShouldBe(input.Length);
        batches.Sum(b => b.Events.Count).ShouldBe(200);
    }
}
