namespace Storage.Reading;

/// <summary>
/// The suite's own numbers, so a page can say when its data is stale and why.
/// </summary>
/// <param name="Endpoints">The Collector's last poll of each endpoint (from <c>monitoring_collector</c>).</param>
/// <param name="Sinks">The Collector's sinks (SQLite, InfluxDB): last error, spool depth.</param>
/// <param name="LogScans">The Alerter's last scan per log file; empty when no Alerter store is configured or found.</param>
/// <param name="OutboxDepth">Alert messages waiting to be sent; null when unknown.</param>
/// <param name="LastDeliveryError">The newest delivery error still pending; null when none or unknown.</param>
/// <param name="OutboxOldestDue">When the longest-waiting pending message was due for its next attempt; null when none or unknown. A
/// working Alerter moves it forward at every attempt, so a due time far in the past means nobody delivers.</param>
public sealed record SuiteHealth(
    IReadOnlyList<EndpointHealth> Endpoints,
    IReadOnlyList<SinkHealth> Sinks,
    IReadOnlyList<LogScanHealth> LogScans,
    long? OutboxDepth,
    string? LastDeliveryError,
    DateTimeOffset? OutboxOldestDue = null);
