using System.Text;
using Alerter.Logs;
using Alerter.Tests.Support;
using HAProxy.Logs;

namespace Alerter.Tests.Logs;

/// <summary>
/// Lines whose bytes are not valid UTF-8 decode with U+FFFD. HAProxy/Logs' parser returns a well-formed server line
/// holding U+FFFD as an Event (its docs say Malformed; HAProxy/ is not the Alerter's to change), so the Alerter drops
/// such events itself: an alert must never name a server that does not exist under that name.
/// </summary>
public class LogSegmentReaderTests
{
    private static readonly DateTime Time = new(2026, 11, 21, 21, 39, 16, DateTimeKind.Utc);
    private static readonly LogParseContext Context = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero);

    [Fact]
    public void LogLineParser_WellFormedServerLineWithReplacementCharacter_IsAnEvent()
    {
        // Pins the library behaviour the reader compensates for; if it changes to Malformed, the drop becomes a no-op.
        var outcome = LogLineParser.TryParse(CapturedLines.Down(Time, "be", "w\uFFFDb1"), Context, out var parsed);

        outcome.ShouldBe(LogLineOutcome.Event);
        parsed!.Server.ShouldBe("w\uFFFDb1");
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8AndReplacementCharacterInServerNames_DroppedAsMalformedOthersKept()
    {
        var input = new MemoryStream();
        input.Write([.. Encoding.UTF8.GetBytes(CapturedLines.Down(Time, "be", "w\u00e9b1")).Select(b => b == 0xc3 ? (byte)0xff : b), (byte)'\n']); // invalid UTF-8
        input.Write(Encoding.UTF8.GetBytes(CapturedLines.Down(Time, "be", "w\uFFFDb2") + "\n")); // valid UTF-8 of U+FFFD itself
        input.Write(Encoding.UTF8.GetBytes(CapturedLines.Up(Time, "be", "web3") + "\n"));
        input.Position = 0;
        var counters = new LogScanCounters();
        var batches = new List<ScanBatch>();

        await new LogSegmentReader(65536, 1 << 20).ReadAsync(input, 0, isFinal: true, new LogScanner(Context), counters, b =>
        {
            batches.Add(b);
            return ValueTask.CompletedTask;
        });

        batches.SelectMany(b => b.Events).Select(e => e.Event.Server).ShouldBe(["web3"]);
        counters.Events.ShouldBe(1);
        counters.Malformed.ShouldBe(2);
        counters.InvalidUtf8.ShouldBe(1, "only the first line's bytes were not UTF-8");
        batches[^1].EndOffset.ShouldBe(input.Length);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(65536)]
    public async Task ReadAsync_FromByteZero_EveryBatchCarriesTheFirstBytesItRead(int chunk)
    {
        var content = Encoding.UTF8.GetBytes(CapturedLines.Down(Time) + "\n" + CapturedLines.Up(Time.AddSeconds(1)) + "\n");
        var batches = await ReadAllAsync(new TrickleStream(content, chunk), fromOffset: 0);

        batches.ShouldNotBeEmpty();
        batches.ShouldAllBe(b => b.Head.ToArray().SequenceEqual(content.Take(Fingerprint.MaxBytes)));
    }

    [Fact]
    public async Task ReadAsync_ShortFile_HeadIsTheWholeFile()
    {
        var content = Encoding.UTF8.GetBytes(CapturedLines.Request(Time) + "\n");
        var batch = (await ReadAllAsync(new TrickleStream(content, 5), fromOffset: 0)).ShouldHaveSingleItem();

        batch.Head.ToArray().ShouldBe(content);
    }

    [Fact]
    public async Task ReadAsync_FromTheMiddle_NoHead()
    {
        var content = Encoding.UTF8.GetBytes(CapturedLines.Down(Time) + "\n" + CapturedLines.Up(Time.AddSeconds(1)) + "\n");
        var stream = new TrickleStream(content, 64) { Position = 10 };

        (await ReadAllAsync(stream, fromOffset: 10)).ShouldAllBe(b => b.Head.IsEmpty);
    }

    private static async Task<List<ScanBatch>> ReadAllAsync(Stream stream, long fromOffset)
    {
        var batches = new List<ScanBatch>();
        await new LogSegmentReader(4096, 4096).ReadAsync(stream, fromOffset, isFinal: true, new LogScanner(Context), new LogScanCounters(), b =>
        {
            batches.Add(b);
            return ValueTask.CompletedTask;
        });
        return batches;
    }
}
