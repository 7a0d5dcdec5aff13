namespace Alerter.Ring;

/// <summary>Reconnect delays: <c>first * 2^attempt</c>, capped at <c>max</c>.</summary>
public static class RingBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 30));
        var ticks = first.Ticks * factor;
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
