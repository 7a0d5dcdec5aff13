namespace Storage.Retry;

/// <summary>
/// The one retry delay of the suite, pure: retry 0 waits <see cref="Initial"/>, retry n waits
/// <c>Initial * Multiplier^n</c>, never more than <see cref="Max"/>. Used by the alert outbox, the ring reconnect
/// and the InfluxDB sender, so "doubling up to a cap" means the same everywhere.
/// </summary>
/// <param name="Initial">The first delay.</param>
/// <param name="Max">The cap; also the delay once the series would exceed it.</param>
/// <param name="Multiplier">Growth per retry (2 doubles); at least 1.</param>
public readonly record struct ExponentialBackoff(TimeSpan Initial, TimeSpan Max, double Multiplier = 2)
{
    /// <summary>The delay before retry number <paramref name="retry"/> (0 for the first retry after a failure).</summary>
    public TimeSpan Delay(int retry)
    {
        // Clamped so a huge retry count (an outbox row failing for days) neither overflows nor turns into NaN.
        var ticks = Initial.Ticks * Math.Pow(Math.Max(1, Multiplier), Math.Clamp(retry, 0, 60));
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
