namespace Storage.Samples;

/// <summary>A sink's own numbers for the health endpoint and <c>monitoring_collector</c>.</summary>
public sealed record SinkStatus(
    string Name,
    long PointsWritten,
    long SpooledPoints,
    long SpoolBytes,
    long DroppedPoints,
    DateTimeOffset? LastSuccess,
    string? LastError);
