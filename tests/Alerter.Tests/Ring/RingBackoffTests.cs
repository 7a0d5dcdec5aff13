using Alerter.Ring;

namespace Alerter.Tests.Ring;

public class RingBackoffTests
{
    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(3, 4000)]
    [InlineData(6, 30000)]
    [InlineData(1000, 30000)]
    public void Delay_Attempt_DoublesUpToTheCap(int attempt, int expectedMs)
    {
        RingBackoff.Delay(attempt, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30)).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }
}
