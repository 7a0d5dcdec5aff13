using Dashboard.Web.Api;
using Dashboard.Web.Hosting;
using Storage.Reading;

namespace Dashboard.Web.Tests.Api;

/// <summary>Pure: a part is stale after three of its own intervals without news.</summary>
public sealed class SuiteFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assess_EachPartAgainstItsOwnInterval()
    {
        var options = new WebOptions { CollectorInterval = TimeSpan.FromSeconds(10), LogScanInterval = TimeSpan.FromSeconds(5), DeliveryInterval = TimeSpan.FromSeconds(1) };
        var suite = new SuiteHealth(
            [new EndpointHealth("lb1", "/run/a.sock", Now.AddSeconds(-29), true, 3, null), new EndpointHealth("lb2", "/run/b.sock", Now.AddSeconds(-31), true, 3, null)],
            [],
            [new LogScanHealth("/var/log/haproxy.log", Now.AddMinutes(-19), 100), new LogScanHealth("/var/log/other.log", Now.AddSeconds(-14), 1), new LogScanHealth("/never", null, 0)],
            2, "connection refused", Now.AddSeconds(-4));
        var parts = SuiteFreshness.Assess(suite, Now, options);
        parts.Where(p => p.Stale).Select(p => p.Part).ShouldBe(["poll /run/b.sock", "log scan /var/log/haproxy.log", "log scan /never", "outbox"]);
        parts.Single(p => p.Part == "log scan /var/log/haproxy.log").StaleAfterMs.ShouldBe(15_000);
    }

    [Fact]
    public void Assess_EmptyOutbox_IsNotStale_AndNoAlerterStoreMeansNoOutboxPart()
    {
        var options = new WebOptions();
        SuiteFreshness.Assess(new SuiteHealth([], [], [], 0, null), Now, options).Single().Stale.ShouldBeFalse();
        SuiteFreshness.Assess(new SuiteHealth([], [], [], null, null), Now, options).ShouldBeEmpty();
    }
}
