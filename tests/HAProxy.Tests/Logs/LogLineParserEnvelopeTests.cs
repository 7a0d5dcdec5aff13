using HAProxy.Logs;
using static HAProxy.Tests.Logs.LogFixtures;

namespace HAProxy.Tests.Logs;

public class LogLineParserEnvelopeTests
{
    private const string Msg = "Server be/srv1 is DOWN, changed from CLI. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";

    [Fact]
    public void TryParse_Rfc3164WithoutHostname_PriPidTimestamp()
    {
        var e = Parse("<129>Nov 21 21:38:33 haproxy[6085]: " + Msg);

        (e.Priority, e.Severity, e.Pid, e.Hostname, e.Timestamp, e.Message).ShouldBe((129, 1, 6085, (string?)null, At(11, 21, 21, 38, 33), Msg));
    }

    [Fact]
    public void TryParse_SpacePaddedDay_ReadsDay()
    {
        Parse("<129>Nov  1 01:02:03 haproxy[6085]: " + Msg).Timestamp.ShouldBe(At(11, 1, 1, 2, 3));
    }

    [Fact]
    public void TryParse_RsyslogFileWithHostnameNoPri_Hostname()
    {
        var e = Parse("Nov 21 21:38:33 myhost haproxy[6085]: " + Msg);

        (e.Priority, e.Pid, e.Hostname, e.Timestamp).ShouldBe(((int?)null, 6085, "myhost", At(11, 21, 21, 38, 33)));
    }

    [Fact]
    public void TryParse_Rfc3164WithHostname_Hostname()
    {
        Parse("<129>Nov 21 21:38:33 lb1 haproxy[6085]: " + Msg).Hostname.ShouldBe("lb1");
    }

    [Fact]
    public void TryParse_Rfc5424_TimestampWithFractionAndOffset()
    {
        var e = Parse("<129>1 2026-11-21T21:41:06.692705+00:00 - haproxy 15615 - - " + Msg);

        (e.Priority, e.Pid, e.Hostname, e.Message).ShouldBe((129, 15615, (string?)null, Msg));
        e.Timestamp.ShouldBe(new DateTimeOffset(2026, 11, 21, 21, 41, 6, TimeSpan.Zero).AddTicks(6_927_050));
    }

    [Fact]
    public void TryParse_Rfc5424WithHostAndStructuredData_Skipped()
    {
        var e = Parse("<129>1 2026-11-21T21:41:06+02:00 lb1 haproxy 15615 - [meta a=\"x ] y\"][b c=\"d\"] " + Msg);

        (e.Hostname, e.Message, e.Timestamp!.Value.Offset).ShouldBe(("lb1", Msg, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void TryParse_RawMessage_NoEnvelopeFields()
    {
        var e = Parse(Msg);

        (e.Priority, e.Pid, e.Timestamp, e.Message).ShouldBe(((int?)null, (int?)null, (DateTimeOffset?)null, Msg));
    }

    [Fact]
    public void TryParse_StderrWarning_PidAndSeverity()
    {
        var e = Parse("[WARNING]  (3774) : Server be/srv1 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");

        (e.Pid, e.Severity, e.Reason, e.CheckDurationMs).ShouldBe(((int?)3774, (int?)4, "Layer4 timeout", (int?)2001));
    }

    [Fact]
    public void TryParse_StderrAlertQuotedBackend_NameUnquoted()
    {
        var e = Parse("[ALERT]    (3774) : backend 'be' has no server available!");

        (e.Kind, e.Proxy, e.Pid, e.Severity).ShouldBe((LogEventKind.BackendNoServerAvailable, "be", (int?)3774, (int?)1));
    }

    [Fact]
    public void TryParse_IsoFileFormat_Timestamp()
    {
        var e = Parse("2026-11-21T21:38:33.123456+01:00 lb1 haproxy[6085]: " + Msg);

        (e.Hostname, e.Pid, e.Timestamp).ShouldBe(("lb1", (int?)6085, new DateTimeOffset(2026, 11, 21, 21, 38, 33, TimeSpan.FromHours(1)).AddTicks(1_234_560)));
    }

    [Fact]
    public void TryParse_DecemberLineReadInJanuary_PreviousYear()
    {
        var january = new LogParseContext(new DateTimeOffset(2027, 1, 1, 0, 10, 0, TimeSpan.Zero), TimeSpan.Zero);

        Parse("<129>Dec 31 23:59:58 haproxy[1]: " + Msg, january).Timestamp.ShouldBe(At(12, 31, 23, 59, 58, 2026));
    }

    [Fact]
    public void TryParse_LessThanADayAhead_SameYear()
    {
        Parse("<129>Nov 22 22:00:00 haproxy[1]: " + Msg).Timestamp.ShouldBe(At(11, 22, 22, 0, 0));
    }

    [Fact]
    public void TryParse_AssumedOffset_AppliedToRfc3164()
    {
        var paris = Context with { AssumedOffset = TimeSpan.FromHours(1) };

        Parse("<129>Nov 21 21:38:33 haproxy[1]: " + Msg, paris).Timestamp.ShouldBe(new DateTimeOffset(2026, 11, 21, 21, 38, 33, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void TryParse_Feb29InNonLeapYear_LatestLeapYear()
    {
        var march2027 = new LogParseContext(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero);

        Parse("<129>Feb 29 12:00:00 haproxy[1]: " + Msg, march2027).Timestamp.ShouldBe(At(2, 29, 12, 0, 0, 2024));
    }
}
