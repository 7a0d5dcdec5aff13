namespace Storage.Reading;

/// <summary>The bounds every reader applies, so one request cannot exhaust memory or time.</summary>
public static class StorageLimits
{
    /// <summary>Buckets per series in a range (the step is widened to fit).</summary>
    public const int MaxPoints = 2000;

    /// <summary>Series in one range query.</summary>
    public const int MaxSeries = 200;

    /// <summary>Fields in one range query.</summary>
    public const int MaxFields = 32;

    /// <summary>Events in one page.</summary>
    public const int MaxEvents = 1000;

    /// <summary>Longest range: the roll-ups' default retention.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);
}
