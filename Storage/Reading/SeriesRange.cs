namespace Storage.Reading;

/// <summary>One series of a <see cref="RangeResult"/>: per field, the bucket averages and maxima (null where no sample).</summary>
public sealed record SeriesRange(
    SeriesId Series,
    IReadOnlyDictionary<string, double?[]> Avg,
    IReadOnlyDictionary<string, double?[]> Max);
