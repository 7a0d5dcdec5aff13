namespace Storage.Reading;

/// <summary>One field of every series of <paramref name="Measurement"/> (of one host, or all) between two times, per minute.</summary>
public sealed record SparklineQuery(string Measurement, string Field, DateTimeOffset From, DateTimeOffset To, string? Host = null);
