namespace Storage.Reading;

/// <summary>
/// Aligned buckets: <see cref="TimesUnixMs"/> holds each bucket's start, from the query's From (rounded down to the
/// step) to its To, and every series' arrays have one slot per bucket. A bucket with no sample is null: gaps stay
/// gaps (no interpolation across a reload or an outage).
/// </summary>
public sealed record RangeResult(
    RangeResolution Resolution,
    TimeSpan Step,
    IReadOnlyList<long> TimesUnixMs,
    IReadOnlyList<SeriesRange> Series);
