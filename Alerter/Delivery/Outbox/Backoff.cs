namespace Alerter.Delivery.Outbox;

/// <summary>Exponential backoff, pure: attempt 1 waits Initial, attempt n waits Initial * Multiplier^(n-1), capped.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempts, DeliveryOptions options)
    {
        var exponent = Math.Max(0, attempts - 1);
        var ticks = options.InitialBackoff.Ticks * Math.Pow(options.BackoffMultiplier, Math.Min(exponent, 60));
        return ticks >= options.MaxBackoff.Ticks ? options.MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
