using System.Text;
using HAProxy.Logs;
using static HAProxy.Tests.Logs.LogFixtures;

namespace HAProxy.Tests.Logs;

public class LogScannerTests
{
    private static readonly LogScanner Scanner = new(Context);

    /// <summary>Reference lines and the hand capture, interleaved with request lines, CRLF on some lines.</summary>
    internal static byte[] MixedInput()
    {
        var text = new StringBuilder();
        var events = Lines("reference-2.6.log").Concat(Lines("manual-2.6-tracked-backup.log")).ToArray();
        for (var i = 0; i < events.Length; i++)
        {
            text.Append(RequestLine.Replace("58252", (50000 + i).ToString())).Append('\n');
            text.Append(events[i]).Append(i % 7 == 3 ? "\r\n" : "\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Independent oracle: split on '\n', parse every line.</summary>
    internal static List<(long Offset, long Next, string Line, LogEvent Event)> Oracle(byte[] input, int maxLineBytes = 64 * 1024)
    {
        var result = new List<(long, long, string, LogEvent)>();
        var start = 0;
        while (start < input.Length)
        {
            var end = Array.IndexOf(input, (byte)'\n', start);
            var next = end < 0 ? input.Length : end + 1;
            end = end < 0 ? input.Length : end;
            var line = Encoding.UTF8.GetString(input, start, end - start).TrimEnd('\r');
            if (end - start <= maxLineBytes && LogLineParser.TryParse(line, Context, out var e) == LogLineOutcome.Event)
            {
                result.Add((start, next, line, e!));
            }
            start = next;
        }
        return result;
    }

    private static List<(long, long, string, LogEvent)> Shape(IEnumerable<ScannedLogEvent> events) =>
        events.Select(e => (e.LineOffset, e.NextOffset, e.Line, e.Event)).ToList();

    [Fact]
    public void Scan_MixedInput_EventsAndOffsetsMatchLineByLineParse()
    {
        var input = MixedInput();
        var events = new List<ScannedLogEvent>();
        var counters = new LogScanCounters();

        var consumed = Scanner.Scan(input, 1000, isFinalBlock: false, events, counters);

        consumed.ShouldBe(input.Length);
        var expected = Oracle(input).Select(o => (o.Offset + 1000, o.Next + 1000, o.Line, o.Event)).ToList();
        expected.Count.ShouldBe(26 + 41);
        Shape(events).ShouldBe(expected);
        (counters.Events, counters.BytesScanned, counters.Malformed, counters.Overlong, counters.InvalidUtf8).ShouldBe((67L, (long)input.Length, 0L, 0L, 0L));
    }

    [Fact]
    public void Scan_PartialTrailingEventLine_NotConsumedUnlessFinal()
    {
        var complete = MixedInput();
        var partial = "<129>Nov 21 21:38:33 haproxy[6085]: Server be/srv9 is DOWN, changed from CLI. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."u8.ToArray();
        var input = complete.Concat(partial).ToArray();
        var events = new List<ScannedLogEvent>();

        Scanner.Scan(input, 0, isFinalBlock: false, events, new LogScanCounters()).ShouldBe(complete.Length);
        events.Count.ShouldBe(67);

        events.Clear();
        Scanner.Scan(input, 0, isFinalBlock: true, events, new LogScanCounters()).ShouldBe(input.Length);
        events.Count.ShouldBe(68);
        (events[^1].LineOffset, events[^1].NextOffset, events[^1].Event.Server).ShouldBe(((long)complete.Length, (long)input.Length, "srv9"));
    }

    [Fact]
    public void Scan_PartialTrailingRequestLine_NotConsumed()
    {
        var complete = MixedInput();
        var input = complete.Concat(Encoding.UTF8.GetBytes(RequestLine[..60])).ToArray();

        Scanner.Scan(input, 0, isFinalBlock: false, [], new LogScanCounters()).ShouldBe(complete.Length);
        Scanner.Scan(input, 0, isFinalBlock: true, [], new LogScanCounters()).ShouldBe(input.Length);
    }

    [Fact]
    public void Scan_EveryBufferSize_SameEventsAsOneBuffer()
    {
        var input = MixedInput();
        var expected = Oracle(input);
        for (var size = 1; size <= input.Length; size += size < 400 ? 1 : 97)
        {
            var events = new List<ScannedLogEvent>();
            var counters = new LogScanCounters();
            long offset = 0;
            var pending = new List<byte>();
            var read = 0;
            while (read < input.Length)
            {
                var chunk = Math.Min(size, input.Length - read);
                pending.AddRange(input.AsSpan(read, chunk).ToArray());
                read += chunk;
                var consumed = Scanner.Scan(pending.ToArray(), offset, isFinalBlock: read == input.Length, events, counters);
                pending.RemoveRange(0, consumed);
                offset += consumed;
            }
            offset.ShouldBe(input.Length, $"buffer size {size}");
            Shape(events).ShouldBe(expected.Select(o => ((long, long, string, LogEvent))o).ToList(), $"buffer size {size}");
        }
    }

    [Fact]
    public void Scan_TruncatedAndInvalidUtf8Candidates_Counted()
    {
        static byte[] WithBadBytes(string ascii) => Encoding.ASCII.GetBytes(ascii).Select(b => b == (byte)'~' ? (byte)0xFF : b).ToArray();
        var input = Encoding.UTF8.GetBytes(RequestLine + "\n<129>Nov 21 21:38:33 haproxy[1]: Server be/srv1 is DOWN, reason: Lay\n")
            .Concat(WithBadBytes("<133>Nov 21 21:38:33 haproxy[1]: Server be/s~rv1 is UP/READY (leaving forced maintenance).\n"))
            .Concat(WithBadBytes("garbage ~~ without marker: never decoded\n"))
            .ToArray();
        var events = new List<ScannedLogEvent>();
        var counters = new LogScanCounters();

        Scanner.Scan(input, 0, isFinalBlock: false, events, counters).ShouldBe(input.Length);

        (counters.Malformed, counters.InvalidUtf8, counters.Events).ShouldBe((1L, 1L, 1L));
        events.Single().Event.Server.ShouldBe("s\uFFFDrv1");
    }
}
