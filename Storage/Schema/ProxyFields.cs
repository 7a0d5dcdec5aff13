namespace Storage.Schema;

/// <summary>
/// Proxy-row fields computed by the Collector rather than read from one <c>show stat</c> column. Every other proxy-row
/// field is named by <see cref="HAProxy.Fields.FieldCatalogue"/> (<c>StoredAs</c>, <c>RateAs</c>).
/// </summary>
public static class ProxyFields
{
    public const string SessionsPct = "sessions_pct";
    public const string Up = "up";
    public const string Status = "status";
    public const string CheckStatus = "check_status";
    public const string SessionsCurrent = "sessions_current";
    public const string SessionsLimit = "sessions_limit";
    public const string SessionRate = "session_rate";
    public const string RequestRate = "request_rate";
    public const string BytesInRate = "bytes_in_rate";
    public const string BytesOutRate = "bytes_out_rate";
    public const string Http5xxRate = "http_5xx_rate";
    public const string QueueCurrent = "queue_current";
    public const string ResponseTimeMs = "response_time_ms";
    public const string Weight = "weight";
    public const string ActiveServers = "active_servers";
    public const string BackupServers = "backup_servers";
}
