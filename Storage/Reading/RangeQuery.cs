namespace Storage.Reading;

/// <summary>
/// Numeric fields of some series between <see cref="From"/> and <see cref="To"/>.
/// </summary>
/// <param name="Step">Wanted bucket width; null or too small for the range is widened so a series holds at most
/// <see cref="StorageLimits.MaxPoints"/> buckets. A step of a minute or more over roll-ups reads <c>rollup_1m</c>
/// (avg and max per minute), otherwise raw samples.</param>
public sealed record RangeQuery(
    IReadOnlyList<SeriesId> Series,
    IReadOnlyList<string> Fields,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan? Step = null);
