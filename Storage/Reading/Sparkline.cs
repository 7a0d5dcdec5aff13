namespace Storage.Reading;

/// <summary>Per-minute averages of one field of one series; <see cref="Values"/> is aligned with whole minutes from <see cref="FromUnixMs"/>, null where no sample.</summary>
public sealed record Sparkline(SeriesId Series, long FromUnixMs, double?[] Values);
