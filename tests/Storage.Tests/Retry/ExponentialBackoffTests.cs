using Storage.Retry;

namespace Storage.Tests.Retry;

public class ExponentialBackoffTests
{
    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(3, 4000)]
    [InlineData(6, 30000)]
    [InlineData(1000, 30000)]
    public void Delay_Retry_DoublesUpToTheCap(int retry, int expectedMs)
        => new ExponentialBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30)).Delay(retry).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));

    [Fact]
    public void Delay_OutboxDefaults_DoublesFromInitialUpToMax()
    {
        // The outbox's first retry (one attempt made) is retry 0: 5 s, then 10, 20, 40, capped at 60.
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 2);
        Enumerable.Range(0, 6).Select(r => backoff.Delay(r).TotalSeconds).ShouldBe([5, 10, 20, 40, 60, 60]);
    }

    [Fact]
    public void Delay_Multiplier_GrowsByItUpToMax()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 3);
        Enumerable.Range(0, 5).Select(r => backoff.Delay(r).TotalSeconds).ShouldBe([5, 15, 45, 60, 60]);
    }

    [Fact]
    public void Delay_HugeRetryCount_StaysAtMax()
        => new ExponentialBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)).Delay(int.MaxValue).ShouldBe(TimeSpan.FromMinutes(5));

    [Fact]
    public void Delay_NegativeRetry_IsTheInitialDelay()
        => new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)).Delay(-3).ShouldBe(TimeSpan.FromSeconds(1));
}
