namespace Storage.Reading;

/// <summary>The Collector's newest record of one sink.</summary>
public sealed record SinkHealth(string Host, string Sink, DateTimeOffset Time, bool Ok, long? SpoolPoints, long? DroppedPoints, string? Error);
