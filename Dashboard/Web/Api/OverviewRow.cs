namespace Dashboard.Web.Api;

/// <summary>
/// One row of the overview: a frontend, backend or server (the proxy columns), or a node's <c>haproxy_process</c> /
/// <c>system</c> row (<see cref="Node"/>: its numeric fields by stored name). Numbers are null where the row type
/// has no such field. <see cref="Stale"/>: the newest sample is older than three Collector intervals.
/// </summary>
public sealed record OverviewRow(
    string Kind,
    string Measurement,
    string Host,
    string? Proxy,
    string? Server,
    long TimeUnixMs,
    bool Stale,
    string? Status,
    string? CheckStatus,
    double? Up,
    double? Weight,
    double? SessionsCurrent,
    double? SessionsLimit,
    double? SessionsPct,
    double? SessionRate,
    double? BytesInRate,
    double? BytesOutRate,
    double? Http5xxRate,
    double? QueueCurrent,
    double? ResponseTimeMs,
    double? ActiveServers,
    double? BackupServers,
    IReadOnlyDictionary<string, double?>? Node,
    string? Version,
    long? SparkFromUnixMs,
    double?[]? Spark);
