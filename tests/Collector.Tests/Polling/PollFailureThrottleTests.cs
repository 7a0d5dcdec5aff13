using Collector.Polling;

namespace Collector.Tests.Polling;

public class PollFailureThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Failed_SameFailureEveryPoll_LoggedFirstThenOncePerTenMinutesWithTheCountBetween()
    {
        var throttle = new PollFailureThrottle();

        throttle.Failed("a", "PermissionDenied", T0).ShouldBe(0);
        for (var i = 1; i < 60; i++)
        {
            throttle.Failed("a", "PermissionDenied", T0.AddSeconds(10 * i)).ShouldBeNull();
        }
        throttle.Failed("a", "PermissionDenied", T0.AddMinutes(10)).ShouldBe(59);
        throttle.Failed("a", "PermissionDenied", T0.AddMinutes(10).AddSeconds(10)).ShouldBeNull();
    }

    [Fact]
    public void Failed_AnotherKindOrAnotherEndpoint_LoggedAtOnce()
    {
        var throttle = new PollFailureThrottle();
        throttle.Failed("a", "PermissionDenied", T0);

        throttle.Failed("a", "SocketMissing", T0.AddSeconds(10)).ShouldBe(0);
        throttle.Failed("b", "SocketMissing", T0.AddSeconds(10)).ShouldBe(0);
    }

    [Fact]
    public void Succeeded_AfterFailures_TrueOnceAndTheNextFailureIsNewsAgain()
    {
        var throttle = new PollFailureThrottle();
        throttle.Failed("a", "PermissionDenied", T0);

        throttle.Succeeded("a").ShouldBeTrue();
        throttle.Succeeded("a").ShouldBeFalse();
        throttle.Failed("a", "PermissionDenied", T0.AddSeconds(20)).ShouldBe(0);
    }
}
