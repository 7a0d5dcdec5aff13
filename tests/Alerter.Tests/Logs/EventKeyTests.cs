using Alerter.Logs;
using HAProxy.Logs;

namespace Alerter.Tests.Logs;

public class EventKeyTests
{
    private static readonly LogParseContext Context = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero);

    private static LogEvent Parse(string line)
    {
        LogLineParser.TryParse(line, Context, out var parsed).ShouldBe(LogLineOutcome.Event);
        return parsed!;
    }

    [Fact]
    public void Base_Rfc3164Line_HostServerKindAndSecond()
    {
        // Captured from HAProxy 2.6 (shared/reference/haproxy-2.6.md).
        var e = Parse("<129>Nov 21 21:39:16 haproxy[6085]: Server be/srv1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");

        EventKey.Base("lb1", e).ShouldBe("lb1|be/srv1|ServerDown|2026-11-21T21:39:16.000000Z");
    }

    [Fact]
    public void Base_Rfc5424Line_TruncatedToWholeSeconds()
    {
        var e = Parse("<129>1 2026-11-21T21:41:06.692705+00:00 - haproxy 15615 - - Server be/srv1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");

        EventKey.Base("lb1", e).ShouldBe("lb1|be/srv1|ServerDown|2026-11-21T21:41:06.000000Z");
    }

    [Fact]
    public void Base_Rfc5424RingLineAndRfc3164FileLineOfOneEvent_SameKey()
    {
        // One message as HAProxy 2.6 wrote it to a `format rfc5424` ring and to the default (RFC 3164) log socket.
        var fromRing = Parse("<129>1 2026-11-21T23:29:55.402793+00:00 - haproxy 467 - - Server app/web1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");
        var fromFile = Parse("<129>Nov 21 23:29:55 haproxy[467]: Server app/web1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");

        EventKey.Base("lb1", fromRing).ShouldBe(EventKey.Base("lb1", fromFile));
    }

    [Fact]
    public void Base_Rfc5424WithOffset_KeyedInUtc()
    {
        var e = Parse("<129>1 2026-11-22T00:41:06.9+01:00 - haproxy 15615 - - Server be/srv1 is DOWN, changed from CLI. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");

        EventKey.Base("lb1", e).ShouldBe("lb1|be/srv1|ServerDown|2026-11-21T23:41:06.000000Z");
    }

    [Fact]
    public void Base_SameLineFromRingAndFile_SameKey()
    {
        // The ring (show events) and a syslog file carry the same header for the same event.
        var fromFile = Parse("<133>Nov 21 21:39:19 haproxy[6085]: Server be/srv1 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.");
        var fromRing = Parse("<133>Nov 21 21:39:19 haproxy[6085]: Server be/srv1 is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.");

        EventKey.Base("lb1", fromFile).ShouldBe(EventKey.Base("lb1", fromRing));
    }

    [Fact]
    public void Base_BackendWithoutServer_HasNoServerPart()
    {
        var e = Parse("<128>Nov 21 21:40:21 haproxy[6085]: backend be has no server available!");

        EventKey.Base("lb1", e).ShouldBe("lb1|be|BackendNoServerAvailable|2026-11-21T21:40:21.000000Z");
    }

    [Fact]
    public void WithOrdinal_FirstOccurrence_IsTheBaseKey()
    {
        EventKey.WithOrdinal("k", 1).ShouldBe("k");
        EventKey.WithOrdinal("k", 3).ShouldBe("k#3");
    }
}
