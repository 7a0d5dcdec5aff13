namespace Storage.Schema;

/// <summary>
/// Every stored name of a proxy row (<c>haproxy_frontend</c>, <c>haproxy_backend</c>, <c>haproxy_server</c>), written
/// once: <see cref="ProxyColumns"/> maps HAProxy's <c>show stat</c> columns to them, <see cref="StorageSchema"/> describes
/// them, and every writer and reader names them through these constants.
/// </summary>
public static class ProxyFields
{
    // Computed by the Collector rather than read from one show stat column.
    public const string SessionsPct = "sessions_pct";
    public const string Up = "up";

    // A column's value as it is (gauges, limits, durations, totals, text).
    public const string QueueCurrent = "queue_current";
    public const string QueueMax = "queue_max";
    public const string SessionsCurrent = "sessions_current";
    public const string SessionsMax = "sessions_max";
    public const string SessionsLimit = "sessions_limit";
    public const string SessionsTotal = "sessions_total";
    public const string BytesInTotal = "bytes_in_total";
    public const string BytesOutTotal = "bytes_out_total";
    public const string Status = "status";
    public const string Weight = "weight";
    public const string ActiveServers = "active_servers";
    public const string BackupServers = "backup_servers";
    public const string CheckDownTotal = "check_down_total";
    public const string LastChangeS = "last_change_s";
    public const string DowntimeS = "downtime_s";
    public const string CheckStatus = "check_status";
    public const string CheckDurationMs = "check_duration_ms";
    public const string Http5xxTotal = "http_5xx_total";
    public const string RequestsTotal = "requests_total";
    public const string QueueTimeMs = "queue_time_ms";
    public const string ConnectTimeMs = "connect_time_ms";
    public const string ResponseTimeMs = "response_time_ms";
    public const string TotalTimeMs = "total_time_ms";

    // A counter's per-second rate.
    public const string SessionRate = "session_rate";
    public const string BytesInRate = "bytes_in_rate";
    public const string BytesOutRate = "bytes_out_rate";
    public const string DeniedRequestRate = "denied_request_rate";
    public const string DeniedResponseRate = "denied_response_rate";
    public const string RequestErrorRate = "request_error_rate";
    public const string ConnectionErrorRate = "connection_error_rate";
    public const string ResponseErrorRate = "response_error_rate";
    public const string RetryRate = "retry_rate";
    public const string RedispatchRate = "redispatch_rate";
    public const string CheckFailureRate = "check_failure_rate";
    public const string CheckDownRate = "check_down_rate";
    public const string LbSelectionRate = "lb_selection_rate";
    public const string Http1xxRate = "http_1xx_rate";
    public const string Http2xxRate = "http_2xx_rate";
    public const string Http3xxRate = "http_3xx_rate";
    public const string Http4xxRate = "http_4xx_rate";
    public const string Http5xxRate = "http_5xx_rate";
    public const string HttpOtherRate = "http_other_rate";
    public const string HealthAnalysisFailureRate = "health_analysis_failure_rate";
    public const string RequestRate = "request_rate";
    public const string ClientAbortRate = "client_abort_rate";
    public const string ServerAbortRate = "server_abort_rate";
    public const string CompressionInRate = "compression_in_rate";
    public const string CompressionOutRate = "compression_out_rate";
    public const string CompressionBypassRate = "compression_bypass_rate";
    public const string CompressedResponseRate = "compressed_response_rate";
    public const string ConnectionRate = "connection_rate";
    public const string InterceptedRate = "intercepted_rate";
    public const string DeniedConnectionRate = "denied_connection_rate";
    public const string DeniedSessionRate = "denied_session_rate";
    public const string RewriteFailureRate = "rewrite_failure_rate";
    public const string ConnectRate = "connect_rate";
    public const string ReuseRate = "reuse_rate";
    public const string CacheLookupRate = "cache_lookup_rate";
    public const string CacheHitRate = "cache_hit_rate";
    public const string InternalErrorRate = "internal_error_rate";
}
