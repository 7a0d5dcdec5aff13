namespace Storage.Reading;

/// <summary>The newest sample of every series asked for, read at <see cref="ReadAt"/> (compare a row's time with it to tell stale data).</summary>
public sealed record Catalogue(DateTimeOffset ReadAt, IReadOnlyList<LatestSample> Rows);
