using Collector.Polling;

namespace Collector.Tests.Polling;

public class PollScheduleTests
{
    [Theory]
    [InlineData("2026-11-21T12:00:03.250Z", 10, "2026-11-21T12:00:10Z")]
    [InlineData("2026-11-21T12:00:10Z", 10, "2026-11-21T12:00:20Z")]
    [InlineData("2026-11-21T12:00:59.999Z", 1, "2026-11-21T12:01:00Z")]
    [InlineData("2026-11-21T12:07:00Z", 300, "2026-11-21T12:10:00Z")]
    public void NextTick_AnyTime_NextWallClockMultiple(string now, int seconds, string expected)
    {
        PollSchedule.NextTick(DateTimeOffset.Parse(now), TimeSpan.FromSeconds(seconds)).ShouldBe(DateTimeOffset.Parse(expected));
    }
}
