namespace Dashboard.Web.Api;

/// <summary>
/// One row of the overview: a frontend, backend or server (the proxy columns), or a node's <c>haproxy_process</c> /
/// <c>system</c> row (<see cref="Node"/>: its numeric fields by stored name). Numbers are null where the row type
/// has no such field. <see cref="Stale"/>: the newest sample is older than three Collector intervals. Everything after
/// <see cref="Stale"/> defaults to null, so a row is built by naming what it has.
/// </summary>
public sealed record OverviewRow(
    string Kind,
    string Measurement,
    string Host,
    string? Proxy,
    string? Server,
    long TimeUnixMs,
    bool Stale,
    string? Status = null,
    string? CheckStatus = null,
    double? Up = null,
    double? Weight = null,
    double? SessionsCurrent = null,
    double? SessionsLimit = null,
    double? SessionsPct = null,
    double? SessionRate = null,
    double? BytesInRate = null,
    double? BytesOutRate = null,
    double? Http5xxRate = null,
    double? QueueCurrent = null,
    double? ResponseTimeMs = null,
    double? ActiveServers = null,
    double? BackupServers = null,
    IReadOnlyDictionary<string, double?>? Node = null,
    string? Version = null,
    long? SparkFromUnixMs = null,
    double?[]? Spark = null);
