using Alerter.Delivery;
using Alerter.Delivery.Outbox;

namespace Alerter.Tests.Delivery;

public class BackoffTests
{
    [Fact]
    public void Delay_Attempts_DoublesFromInitialUpToMax()
    {
        var options = new DeliveryOptions { InitialBackoff = TimeSpan.FromSeconds(5), BackoffMultiplier = 2, MaxBackoff = TimeSpan.FromSeconds(60) };
        Enumerable.Range(1, 6).Select(a => Backoff.Delay(a, options).TotalSeconds).ShouldBe([5, 10, 20, 40, 60, 60]);
    }

    [Fact]
    public void Delay_HugeAttemptCount_StaysAtMax()
        => Backoff.Delay(10_000, new DeliveryOptions()).ShouldBe(new DeliveryOptions().MaxBackoff);
}
