namespace Collector.Health;

/// <summary>What the health endpoint shows for one HAProxy endpoint.</summary>
public sealed record EndpointStatus(
    string Endpoint,
    string Host,
    DateTimeOffset? LastPoll,
    DateTimeOffset? LastSuccess,
    double LastDurationMs,
    string? LastError,
    string? ErrorKind,
    int? Pid,
    int LastSamples,
    long Polls,
    long Failures);
