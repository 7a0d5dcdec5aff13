namespace Storage.Reading;

/// <summary>Where a range was read from.</summary>
public enum RangeResolution
{
    /// <summary>Raw samples (one per poll), averaged and maxed per step.</summary>
    Raw,
    /// <summary>The 1-minute roll-ups (avg and max per minute), for long ranges and anything older than the raw retention.</summary>
    Rollup1m,
}
