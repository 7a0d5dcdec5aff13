using Storage.Reading;

namespace Storage.Tests.Reading;

public class RetiredHostsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static SuiteHealth Suite() => new(
        [new EndpointHealth("lb1", "/run/haproxy/admin.sock", At, true, 3, null), new EndpointHealth("lb-old", "/run/haproxy/admin.sock", At.AddDays(-2), true, 3, null)],
        [new SinkHealth("lb1", "sqlite", At, true, null, null, null), new SinkHealth("lb-old", "sqlite", At.AddDays(-2), true, null, null, null)],
        [new LogScanHealth("/var/log/haproxy.log", At, 10)],
        0, null);

    [Fact]
    public void LeaveOut_RetiredHost_ItsEndpointsAndSinksGoTheRestStays()
    {
        var suite = new RetiredHosts(["lb-old"]).LeaveOut(Suite());

        suite.Endpoints.Select(e => e.Host).ShouldBe(["lb1"]);
        suite.Sinks.Select(s => s.Host).ShouldBe(["lb1"]);
        suite.LogScans.Count.ShouldBe(1);
    }

    [Fact]
    public void LeaveOut_NoneRetired_SuiteUnchanged()
    {
        var original = Suite();

        RetiredHosts.None.LeaveOut(original).ShouldBeSameAs(original);
    }
}
