using Microsoft.Extensions.Time.Testing;

namespace Collector.Tests.Polling;

/// <summary>
/// A fake clock whose timers fire <see cref="Early"/> before they are due, as the system's Task.Delay does against the
/// wall clock (it counts whole milliseconds of a monotonic clock).
/// </summary>
public sealed class EarlyWakeTimeProvider(FakeTimeProvider clock) : TimeProvider
{
    public static readonly TimeSpan Early = TimeSpan.FromTicks(4_500); // 0.45 ms, as measured

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        clock.CreateTimer(callback, state, dueTime > Early ? dueTime - Early : dueTime, period);
}
