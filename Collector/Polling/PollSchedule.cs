namespace Collector.Polling;

/// <summary>Pure: poll times are wall-clock multiples of the interval (:00, :10, :20 for 10 s).</summary>
public static class PollSchedule
{
    /// <summary>The first aligned tick strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextTick(DateTimeOffset now, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var ticks = now.UtcTicks;
        return new DateTimeOffset((ticks / interval.Ticks + 1) * interval.Ticks, TimeSpan.Zero);
    }
}
