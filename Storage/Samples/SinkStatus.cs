namespace Storage.Samples;

/// <summary>A sink's own numbers for the health endpoint and <c>monitoring_collector</c>.</summary>
/// <param name="Degraded">The sink knows it is not storing what it takes (its store file was deleted under it, or it
/// cannot open it): the health is degraded whatever <paramref name="LastSuccess"/> says.</param>
public sealed record SinkStatus(
    string Name,
    long PointsWritten,
    long SpooledPoints,
    long SpoolBytes,
    long DroppedPoints,
    DateTimeOffset? LastSuccess,
    string? LastError,
    bool Degraded = false);
