namespace Storage.Schema;

/// <summary>
/// How the store keeps HAProxy's <c>show stat</c> columns: the raw value under a stored name, a counter's per-second
/// rate under another. HAProxy's library describes the columns (<see cref="HAProxy.Fields.FieldCatalogue"/>: names, kinds, units,
/// meanings) and knows no stored name; this table is the only place the two meet. A column not listed is not stored.
/// </summary>
public static class ProxyColumns
{
    public static IReadOnlyList<StoredColumn> All { get; } =
    [
        new("qcur", ProxyFields.QueueCurrent),
        new("qmax", ProxyFields.QueueMax),
        new("scur", ProxyFields.SessionsCurrent),
        new("smax", ProxyFields.SessionsMax),
        new("slim", ProxyFields.SessionsLimit),
        new("stot", ProxyFields.SessionsTotal, ProxyFields.SessionRate),
        new("bin", ProxyFields.BytesInTotal, ProxyFields.BytesInRate),
        new("bout", ProxyFields.BytesOutTotal, ProxyFields.BytesOutRate),
        new("dreq", null, ProxyFields.DeniedRequestRate),
        new("dresp", null, ProxyFields.DeniedResponseRate),
        new("ereq", null, ProxyFields.RequestErrorRate),
        new("econ", null, ProxyFields.ConnectionErrorRate),
        new("eresp", null, ProxyFields.ResponseErrorRate),
        new("wretr", null, ProxyFields.RetryRate),
        new("wredis", null, ProxyFields.RedispatchRate),
        new("status", ProxyFields.Status),
        new("weight", ProxyFields.Weight),
        new("act", ProxyFields.ActiveServers),
        new("bck", ProxyFields.BackupServers),
        new("chkfail", null, ProxyFields.CheckFailureRate),
        new("chkdown", ProxyFields.CheckDownTotal, ProxyFields.CheckDownRate),
        new("lastchg", ProxyFields.LastChangeS),
        new("downtime", ProxyFields.DowntimeS),
        new("lbtot", null, ProxyFields.LbSelectionRate),
        new("check_status", ProxyFields.CheckStatus),
        new("check_duration", ProxyFields.CheckDurationMs),
        new("hrsp_1xx", null, ProxyFields.Http1xxRate),
        new("hrsp_2xx", null, ProxyFields.Http2xxRate),
        new("hrsp_3xx", null, ProxyFields.Http3xxRate),
        new("hrsp_4xx", null, ProxyFields.Http4xxRate),
        new("hrsp_5xx", ProxyFields.Http5xxTotal, ProxyFields.Http5xxRate),
        new("hrsp_other", null, ProxyFields.HttpOtherRate),
        new("hanafail", null, ProxyFields.HealthAnalysisFailureRate),
        new("req_tot", ProxyFields.RequestsTotal, ProxyFields.RequestRate),
        new("cli_abrt", null, ProxyFields.ClientAbortRate),
        new("srv_abrt", null, ProxyFields.ServerAbortRate),
        new("comp_in", null, ProxyFields.CompressionInRate),
        new("comp_out", null, ProxyFields.CompressionOutRate),
        new("comp_byp", null, ProxyFields.CompressionBypassRate),
        new("comp_rsp", null, ProxyFields.CompressedResponseRate),
        new("qtime", ProxyFields.QueueTimeMs),
        new("ctime", ProxyFields.ConnectTimeMs),
        new("rtime", ProxyFields.ResponseTimeMs),
        new("ttime", ProxyFields.TotalTimeMs),
        new("conn_tot", null, ProxyFields.ConnectionRate),
        new("intercepted", null, ProxyFields.InterceptedRate),
        new("dcon", null, ProxyFields.DeniedConnectionRate),
        new("dses", null, ProxyFields.DeniedSessionRate),
        new("wrew", null, ProxyFields.RewriteFailureRate),
        new("connect", null, ProxyFields.ConnectRate),
        new("reuse", null, ProxyFields.ReuseRate),
        new("cache_lookups", null, ProxyFields.CacheLookupRate),
        new("cache_hits", null, ProxyFields.CacheHitRate),
        new("eint", null, ProxyFields.InternalErrorRate),
    ];

    private static readonly Dictionary<string, StoredColumn> ByColumn = All.ToDictionary(c => c.Column, StringComparer.Ordinal);

    /// <summary>How a <c>show stat</c> column is stored, or null when it is not.</summary>
    public static StoredColumn? Find(string column) => ByColumn.GetValueOrDefault(column);
}
