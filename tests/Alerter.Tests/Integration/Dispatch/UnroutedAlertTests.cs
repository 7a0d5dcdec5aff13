using Alerter.Sending.Outbox;
using Alerter.Tests.Integration.Sending;
using Alerter.Dispatch;
using TestSupport;

namespace Alerter.Tests.Integration.Dispatch;

/// <summary>An alert no route sends to anyone is named in the dispatch result (logged as a warning by the job), never dropped silently.</summary>
[Trait("Category", "Integration")]
public class UnroutedAlertTests
{
    private const string Down = "Server app/web1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";

    [Fact]
    public async Task DispatchOnce_AlertOfAProxyNoRouteMatches_NamedAsUnroutedAndNoOutboxRow()
    {
        using var dir = new TempDirectory("unr");
        using var harness = new DeliveryHarness(dir.Path, new Dictionary<string, string?>
        {
            ["Alerter:Policy:Routes:0:Proxy"] = "db",
            ["Alerter:Policy:Routes:0:Email:0"] = "dba@example.net",
            ["Alerter:Policy:GroupSettle"] = "00:00:00",
        });
        harness.InsertLines(DeliveryHarness.Line(DateTimeOffset.UtcNow.AddSeconds(-30), 129, Down));

        var result = await harness.Get<AlertDispatcher>().DispatchOnceAsync();

        result.Alerts.ShouldBe(1);
        result.OutboxRows.ShouldBe(0);
        result.Unrouted.ShouldNotBeNull().ShouldHaveSingleItem().ShouldStartWith("Warning ");
        result.Unrouted![0].ShouldContain("lb1 app/web1");
        // What alerter status reads: counted, and still counted once after a second dispatch run.
        await harness.Get<AlertDispatcher>().DispatchOnceAsync();
        var outbox = harness.Get<IOutboxStatus>().Read();
        outbox.Unrouted.ShouldBe(1);
        outbox.LastUnrouted.ShouldBe("Warning Transitions alert of lb1 app/web1");
    }
}
