namespace Storage.Reading;

/// <summary>
/// One stored state transition (<c>haproxy_event</c>). <see cref="Id"/> orders events of one store; the InfluxDB
/// reader derives it from the point's time. <see cref="Severity"/> is null for history that was not alerted.
/// </summary>
public sealed record StoredEvent(
    long Id,
    DateTimeOffset Time,
    string Host,
    string Proxy,
    string? Server,
    string Kind,
    string? Severity,
    string Message,
    long? ActiveLeft,
    long? BackupLeft,
    string? Reason);
