namespace Storage.Sqlite;

/// <summary>One series' completed minute: average and maximum of each numeric field.</summary>
public sealed record RollupRow(long SeriesId, long MinuteUnixMs, int Samples, IReadOnlyList<RollupField> Fields);

/// <summary>Average and maximum of one field over a minute.</summary>
public readonly record struct RollupField(string Name, double Average, double Maximum);
