using HAProxy.Logs;
using static HAProxy.Tests.Logs.LogFixtures;

namespace HAProxy.Tests.Logs;

public class LogLineParserRejectTests
{
    [Theory]
    [InlineData(RequestLine)]
    [InlineData("127.0.0.1:58252 [21/Nov/2026:21:40:24.955] fe be/srv1 0/0/0/1/1 200 188 - - ---- 1/1/0/0/0 0/0 \"GET /Server HTTP/1.1\"")]
    [InlineData("<134>1 2026-11-21T21:41:06.692705+00:00 - haproxy 15615 - - 127.0.0.1:1 [21/Nov/2026:21:40:24.955] fe be/srv1 0/0/0/1/1 200 188 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"")]
    [InlineData("<133>Nov 21 21:38:30 haproxy[6085]: Proxy fe started.")]
    [InlineData("[NOTICE]   (9697) : haproxy version is 2.6.12-1+deb12u4")]
    [InlineData("<133>Nov 21 21:38:30 haproxy[6085]: Server be/srv1 remains in forced maintenance.")]
    [InlineData("<133>Nov 21 21:38:30 haproxy[6085]: Server be/srv1 administratively READY thanks to valid DNS answer.")]
    [InlineData("Agent check for server be/srv1 failed, reason: Layer4 timeout, status: 0/1 DOWN.")]
    [InlineData("")]
    public void TryParse_NotAStateChange_NotAnEvent(string line)
    {
        LogLineParser.TryParse(line, Context, out var e).ShouldBe(LogLineOutcome.NotAnEvent);
        e.ShouldBeNull();
    }

    [Theory]
    [InlineData("<129>Nov 21 21:38:33 haproxy[6085]: Server be/srv3 is DOWN, reason: Layer4 conn")]
    [InlineData("<129>Nov 21 21:38:33 haproxy[6085]: Server be/srv3 is DO")]
    [InlineData("<129>Nov 21 21:38:33 haproxy[6085]: Server be/srv3 is DOWN. 2 active and x backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.")]
    [InlineData("<129>Nov 21 21:38:33 haproxy[6085]: Health check for server be/srv1 failed, reason: Layer4 timeout, status: 0/")]
    [InlineData("<132>Nov 21 21:40:51 haproxy[6085]: Proxy fe stopped (cumulated conns: FE: 4")]
    [InlineData("<129>Nov 21 21:3")]
    [InlineData("<999>Nov 21 21:38:33 haproxy[6085]: Server be/srv1 is UP.")]
    [InlineData("<129>Nov 32 21:38:33 haproxy[6085]: Server be/srv1 is UP.")]
    [InlineData("<129>1 not-a-time - haproxy 1 - - Server be/srv1 is UP.")]
    [InlineData("\u0001\u0002\u0003garbage\u0000bytes")]
    [InlineData("<129>Nov 21 21:38:33 haproxy[6085]: Server be/s\uFFFDrv1 is UP")]
    public void TryParse_BrokenOrTruncated_Malformed(string line)
    {
        LogLineParser.TryParse(line, Context, out var e).ShouldBe(LogLineOutcome.Malformed);
        e.ShouldBeNull();
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrows()
    {
        var random = new Random(42);
        var template = File.ReadAllText(PathOf("reference-2.6.log"));
        for (var i = 0; i < 20_000; i++)
        {
            var start = random.Next(template.Length);
            var chars = template.AsSpan(start, Math.Min(random.Next(1, 300), template.Length - start)).ToArray();
            if (i % 2 == 0)
            {
                chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
            }
            var outcome = LogLineParser.TryParse(chars, Context, out var e);
            (outcome == LogLineOutcome.Event).ShouldBe(e is not null);
        }
    }
}
