using Collector.Polling;
using Microsoft.Extensions.Time.Testing;

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

    [Fact]
    public async Task WaitUntilAsync_TimerFiresEarly_ReturnsOnlyOnceTheWallClockReachedTheTick()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-21T12:00:03.250Z"));
        var time = new EarlyWakeTimeProvider(clock);
        var tick = PollSchedule.NextTick(time.GetUtcNow(), TimeSpan.FromSeconds(1));

        var waiting = PollSchedule.WaitUntilAsync(tick, time, CancellationToken.None);
        var woke = await StepUntilDoneAsync(clock, waiting);

        woke.ShouldBeGreaterThanOrEqualTo(tick);
        // The same clock makes a bare Task.Delay return before the tick: what the loop above guards against.
        var now = time.GetUtcNow();
        var next = PollSchedule.NextTick(now, TimeSpan.FromSeconds(1));
        (await StepUntilDoneAsync(clock, Task.Delay(next - now, time))).ShouldBeLessThan(next);
    }

    [Fact]
    public async Task WaitUntilAsync_Cancelled_Throws()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-21T12:00:03.250Z"));
        using var cts = new CancellationTokenSource();
        var waiting = PollSchedule.WaitUntilAsync(DateTimeOffset.Parse("2026-11-21T12:00:04Z"), clock, cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(waiting);
    }

    // Advances the fake clock in 0.1 ms steps until the task completes; returns the wall-clock time it completed at.
    private static async Task<DateTimeOffset> StepUntilDoneAsync(FakeTimeProvider clock, Task task)
    {
        for (var step = 0; !task.IsCompleted; step++)
        {
            step.ShouldBeLessThan(20_000, "the wait did not end within 2 s of fake time");
            clock.Advance(TimeSpan.FromTicks(1_000));
            await Task.Yield();
        }
        await task;
        return clock.GetUtcNow();
    }
}
