
namespace Storage.Reading;

/// <summary>
/// Pure: how a range is read. The step is the asked one, widened so a series has at most
/// <see cref="StorageLimits.MaxPoints"/> buckets; a step of a minute or more, or a range reaching back past the raw
/// retention, reads the 1-minute roll-ups (the step then a whole number of minutes), anything else raw samples.
/// </summary>
public sealed record RangePlan(RangeResolution Resolution, TimeSpan Step, long FromUnixMs, long ToUnixMs, int Buckets)
{
    /// <summary>Without a step, about this many buckets: a chart's width in points.</summary>
    public const int DefaultPoints = 600;

    public static RangePlan For(RangeQuery query, DateTimeOffset now, TimeSpan rawRetention)
    {
        CheckWindow(query.From, query.To);
        if (query.Series.Count > StorageLimits.MaxSeries)
        {
            throw new StorageQueryException($"A range query may ask for at most {StorageLimits.MaxSeries} series; this one asks for {query.Series.Count}.");
        }
        if (query.Fields.Count is 0 or > StorageLimits.MaxFields)
        {
            throw new StorageQueryException($"A range query asks for 1 to {StorageLimits.MaxFields} fields; this one asks for {query.Fields.Count}.");
        }
        var span = query.To - query.From;
        var stepMs = (long)Math.Max(1000, (query.Step ?? span / DefaultPoints).TotalMilliseconds);
        stepMs = Math.Max(stepMs, (long)Math.Ceiling(span.TotalMilliseconds / StorageLimits.MaxPoints));
        var rollups = stepMs >= 60_000 || query.From < now - rawRetention;
        stepMs = rollups ? (stepMs + 59_999) / 60_000 * 60_000 : (stepMs + 999) / 1000 * 1000;
        var from = Floor(query.From.ToUnixTimeMilliseconds(), stepMs);
        var to = query.To.ToUnixTimeMilliseconds();
        var buckets = (int)Math.Max(1, (to - from + stepMs - 1) / stepMs);
        return new RangePlan(rollups ? RangeResolution.Rollup1m : RangeResolution.Raw, TimeSpan.FromMilliseconds(stepMs), from, from + buckets * stepMs, buckets);
    }

    /// <summary>Refuses a window that is empty, inverted or longer than <see cref="StorageLimits.MaxRange"/>.</summary>
    public static void CheckWindow(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new StorageQueryException($"The range ends ({to:O}) before it starts ({from:O}).");
        }
        if (to - from > StorageLimits.MaxRange)
        {
            throw new StorageQueryException($"The range is {(to - from).TotalDays:0.#} days; at most {StorageLimits.MaxRange.TotalDays:0} days can be read at once.");
        }
    }

    public int BucketOf(long unixMs) => (int)((unixMs - FromUnixMs) / (long)Step.TotalMilliseconds);

    public long[] Times()
    {
        var times = new long[Buckets];
        var step = (long)Step.TotalMilliseconds;
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = FromUnixMs + i * step;
        }
        return times;
    }

    private static long Floor(long value, long step) => value - (value % step + step) % step;
}
