using System.Text;
using HAProxy.Logs;
using static HAProxy.Tests.Logs.LogFixtures;

namespace HAProxy.Tests.Logs;

public class LogScannerOverlongTests
{
    private const string DownLine = "<129>Nov 21 21:38:33 haproxy[1]: Server be/srv1 is DOWN, changed from CLI. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";

    /// <summary>Request lines, then a line of <paramref name="longLength"/> bytes holding an event marker, then an event.</summary>
    private static (byte[] Input, long EventOffset) WithLongLine(int prefixBytes, int longLength)
    {
        var text = new StringBuilder();
        while (text.Length < prefixBytes)
        {
            text.Append(RequestLine).Append('\n');
        }
        text.Append(DownLine).Append(new string('x', longLength - DownLine.Length)).Append('\n');
        var eventOffset = text.Length;
        text.Append(DownLine.Replace("srv1", "srv2")).Append('\n');
        return (Encoding.ASCII.GetBytes(text.ToString()), eventOffset);
    }

    [Theory]
    [InlineData(1024 * 1024)]
    [InlineData(64 * 1024 + 1)]
    public void Scan_LongLineInBuffer_SkippedAndCounted(int longLength)
    {
        var (input, eventOffset) = WithLongLine(10_000, longLength);
        var events = new List<ScannedLogEvent>();
        var counters = new LogScanCounters();

        new LogScanner(Context).Scan(input, 0, isFinalBlock: false, events, counters).ShouldBe(input.Length);

        (counters.Overlong, counters.Events, counters.Malformed).ShouldBe((1L, 1L, 0L));
        (events.Single().LineOffset, events.Single().Event.Server).ShouldBe((eventOffset, "srv2"));
    }

    [Fact]
    public void Scan_LineOfExactlyMaxBytes_ParsedOneMoreCounted()
    {
        static string Padded(int length) => DownLine.Replace("from CLI", "from CLI" + new string('x', length - DownLine.Length));
        var events = new List<ScannedLogEvent>();
        var counters = new LogScanCounters();

        new LogScanner(Context, maxLineBytes: 200).Scan(Encoding.ASCII.GetBytes(Padded(200) + "\n" + Padded(201) + "\n"), 0, false, events, counters);

        (events.Single().Line.Length, counters.Overlong).ShouldBe((200, 1L));
    }

    [Fact]
    public void Scan_OverlongLineWithoutMarker_Counted()
    {
        var input = Encoding.ASCII.GetBytes(new string('a', 300) + "\n" + DownLine + "\n");
        var counters = new LogScanCounters();
        var events = new List<ScannedLogEvent>();

        new LogScanner(Context, maxLineBytes: 200).Scan(input, 0, false, events, counters);

        (counters.Overlong, events.Count).ShouldBe((1L, 1));
    }

    [Fact]
    public async Task ScanStreamAsync_OneMegabyteLineSpanningReads_SkippedAndLaterEventsKept()
    {
        var (input, eventOffset) = WithLongLine(700_000, 1024 * 1024 + 5);
        var events = new List<ScannedLogEvent>();
        var counters = new LogScanCounters();

        var end = await new LogScanner(Context).ScanStreamAsync(new MemoryStream(input), 0, new LogStreamOptions(), b => { events.AddRange(b.Events); return ValueTask.CompletedTask; }, counters);

        end.ShouldBe(input.Length);
        (counters.Overlong, counters.Events, counters.BytesScanned).ShouldBe((1L, 1L, (long)input.Length));
        (events.Single().LineOffset, events.Single().NextOffset).ShouldBe((eventOffset, (long)input.Length));
    }

    [Fact]
    public async Task ScanStreamAsync_ThreeMegabyteLine_CountedOnce()
    {
        var (input, _) = WithLongLine(100, 3 * 1024 * 1024);
        var counters = new LogScanCounters();

        await new LogScanner(Context).ScanStreamAsync(new MemoryStream(input), 0, new LogStreamOptions(), _ => ValueTask.CompletedTask, counters);

        (counters.Overlong, counters.Events).ShouldBe((1L, 1L));
    }
}
