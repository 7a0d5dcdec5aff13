namespace Collector.Polling;

/// <summary>Poll times are wall-clock multiples of the interval (:00, :10, :20 for 10 s), and a cycle never starts before its tick.</summary>
public static class PollSchedule
{
    // Below this, Task.Delay rounds the wait down to 0 ms and returns at once: wait at least this long per round.
    private static readonly TimeSpan ShortestDelay = TimeSpan.FromMilliseconds(1);

    /// <summary>Pure: the first aligned tick strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextTick(DateTimeOffset now, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var ticks = now.UtcTicks;
        return new DateTimeOffset((ticks / interval.Ticks + 1) * interval.Ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// Returns once <paramref name="time"/>'s wall clock has reached <paramref name="tick"/>. Task.Delay alone does not
    /// promise that: it counts whole milliseconds of the monotonic clock and returned 0.44-0.46 ms before the wall-clock
    /// tick in 14 of 20 wake-ups measured here. A cycle that starts just before its tick stamps its samples in the
    /// previous second, and at InfluxDB's Seconds precision that overwrites the previous cycle's sample of every series:
    /// the 0 of "no active server" was lost that way while the next sample (1) survived.
    /// </summary>
    public static async Task WaitUntilAsync(DateTimeOffset tick, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var now = time.GetUtcNow(); now < tick; now = time.GetUtcNow())
        {
            var remaining = tick - now;
            await Task.Delay(remaining < ShortestDelay ? ShortestDelay : remaining, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
