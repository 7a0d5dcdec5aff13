namespace Alerter.Influx;

/// <summary>One dispatched <c>haproxy_event</c> row, as the InfluxDB export reads it.</summary>
public sealed record ExportedEvent(
    long Id,
    string Host,
    string Proxy,
    string? Server,
    string Kind,
    string? Severity,
    long TimeUnixMs,
    string Message,
    string? Reason,
    long? ActiveLeft,
    long? BackupLeft);
