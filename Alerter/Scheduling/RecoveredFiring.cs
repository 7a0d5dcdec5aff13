using System.Globalization;

namespace Alerter.Scheduling;

/// <summary>
/// The scheduled time of the firing that a recovery run replays (its node died mid-run). Quartz 4.7 keeps that time
/// only as text to the second (<c>QRTZ_FAILED_JOB_ORIG_TRIGGER_SCHEDULED_FIRETIME_AS_STRING</c>, written with
/// <c>Convert.ToString</c>). A simple trigger fires at start + k × interval, so its firing in that second is the
/// original, to the tick (with an interval under a second, the last one at or before the original's actual fire
/// time, where the recovery trigger starts). Without a simple trigger to go by, the second is the best there is.
/// </summary>
public static class RecoveredFiring
{
    /// <summary>The job data's original scheduled time: Unix milliseconds, or a date-time text; null if neither.</summary>
    public static DateTimeOffset? ParseOriginal(object? value)
    {
        var text = value?.ToString();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    /// <param name="original">The original scheduled time as Quartz kept it (cut to the second).</param>
    /// <param name="actualFire">The recovery run's own scheduled time: the original's actual fire time, unless the
    /// recovery itself misfired.</param>
    /// <param name="start">The original simple trigger's start time, when it still exists.</param>
    /// <param name="interval">Its repeat interval.</param>
    public static DateTimeOffset Reconstruct(DateTimeOffset original, DateTimeOffset actualFire, DateTimeOffset? start, TimeSpan? interval)
    {
        var second = ToTheSecond(original);
        if (original != second || start is not { } first || interval is not { Ticks: > 0 } every)
        {
            return original; // kept exactly, or nothing to go by
        }
        var end = second + TimeSpan.FromSeconds(1);
        var sinceStart = (second - first).Ticks;
        var firstInSecond = first + every * (sinceStart <= 0 ? 0 : (sinceStart + every.Ticks - 1) / every.Ticks);
        if (firstInSecond >= end)
        {
            return original; // this trigger did not fire in that second
        }
        // An interval under a second fires several times in it: the last one at or before the actual fire time.
        if (actualFire >= firstInSecond)
        {
            var last = first + every * ((actualFire - first).Ticks / every.Ticks);
            if (last < end)
            {
                return last;
            }
        }
        return firstInSecond;
    }

    private static DateTimeOffset ToTheSecond(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
