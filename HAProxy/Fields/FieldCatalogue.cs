using static HAProxy.Fields.FieldKind;
using static HAProxy.Fields.FieldScope;

namespace HAProxy.Fields;

/// <summary>
/// Every standard <c>show stat</c> field of HAProxy 2.6, with kind, unit, description and storage names.
/// The Collector, the terminal viewer and the schema docs read this one table. Fields not listed here
/// (newer versions, module fields after the <c>-</c> column) are still parsed and kept by name.
/// </summary>
public static class FieldCatalogue
{
    public static IReadOnlyList<FieldDefinition> All { get; } =
    [
        new("pxname", Name, "", "Proxy name", FieldScope.All),
        new("svname", Name, "", "Service name (FRONTEND, BACKEND, server or listener name)", FieldScope.All),
        new("qcur", Gauge, "requests", "Requests waiting in queue", BackendAndServer, "queue_current"),
        new("qmax", Max, "requests", "Highest queue length", BackendAndServer, "queue_max"),
        new("scur", Gauge, "sessions", "Current sessions", FieldScope.All, "sessions_current"),
        new("smax", Max, "sessions", "Highest concurrent sessions", FieldScope.All, "sessions_max"),
        new("slim", Limit, "sessions", "Configured session limit", FieldScope.All, "sessions_limit"),
        new("stot", Counter, "sessions", "Sessions since start", FieldScope.All, "sessions_total", "session_rate"),
        new("bin", Counter, "bytes", "Bytes received from clients", FieldScope.All, "bytes_in_total", "bytes_in_rate"),
        new("bout", Counter, "bytes", "Bytes sent to clients", FieldScope.All, "bytes_out_total", "bytes_out_rate"),
        new("dreq", Counter, "requests", "Requests denied by security rules", Frontend | Backend | Listener, null, "denied_request_rate"),
        new("dresp", Counter, "responses", "Responses denied by security rules", FieldScope.All, null, "denied_response_rate"),
        new("ereq", Counter, "requests", "Request errors", Frontend | Listener, null, "request_error_rate"),
        new("econ", Counter, "connections", "Failed connections to a server", BackendAndServer, null, "connection_error_rate"),
        new("eresp", Counter, "responses", "Response errors", BackendAndServer, null, "response_error_rate"),
        new("wretr", Counter, "retries", "Connection retries", BackendAndServer, null, "retry_rate"),
        new("wredis", Counter, "redispatches", "Requests redispatched to another server", BackendAndServer, null, "redispatch_rate"),
        new("status", Output, "", "Status (UP, DOWN, NOLB, MAINT, DRAIN, no check, OPEN, ...)", FieldScope.All, "status"),
        new("weight", Gauge, "", "Effective weight (server) or total weight (backend)", BackendAndServer, "weight"),
        new("act", Gauge, "servers", "Active servers (backend) or 1 if active (server)", BackendAndServer, "active_servers"),
        new("bck", Gauge, "servers", "Backup servers (backend) or 1 if backup (server)", BackendAndServer, "backup_servers"),
        new("chkfail", Counter, "checks", "Failed health checks", Server, null, "check_failure_rate"),
        new("chkdown", Counter, "transitions", "UP to DOWN transitions", BackendAndServer, "check_down_total", "check_down_rate"),
        new("lastchg", Age, "s", "Seconds since the last UP/DOWN transition", BackendAndServer, "last_change_s"),
        new("downtime", Duration, "s", "Total downtime", BackendAndServer, "downtime_s"),
        new("qlimit", Limit, "requests", "Configured queue limit", Server),
        new("pid", Name, "", "Process id (relative, 1 for the first)", FieldScope.All),
        new("iid", Name, "", "Proxy id", FieldScope.All),
        new("sid", Name, "", "Server id", Server | Listener),
        new("throttle", Gauge, "%", "Slowstart throttle", Server),
        new("lbtot", Counter, "selections", "Times the server was selected by load balancing", BackendAndServer, null, "lb_selection_rate"),
        new("tracked", Name, "", "Server tracked by this one (iid/sid)", Server),
        new("type", Output, "", "Row type: 0 frontend, 1 backend, 2 server, 3 listener", FieldScope.All),
        new("rate", Rate, "sessions/s", "Sessions per second over the last second", AllButListener),
        new("rate_lim", Limit, "sessions/s", "Configured session rate limit", Frontend),
        new("rate_max", Max, "sessions/s", "Highest session rate", AllButListener),
        new("check_status", Output, "", "Last health check status (L4OK, L7OK, L4CON, ...)", Server, "check_status"),
        new("check_code", Output, "", "Layer 5-7 code of the last check", Server),
        new("check_duration", Duration, "ms", "Duration of the last health check", Server, "check_duration_ms"),
        new("hrsp_1xx", Counter, "responses", "HTTP responses with 1xx code", AllButListener, null, "http_1xx_rate"),
        new("hrsp_2xx", Counter, "responses", "HTTP responses with 2xx code", AllButListener, null, "http_2xx_rate"),
        new("hrsp_3xx", Counter, "responses", "HTTP responses with 3xx code", AllButListener, null, "http_3xx_rate"),
        new("hrsp_4xx", Counter, "responses", "HTTP responses with 4xx code", AllButListener, null, "http_4xx_rate"),
        new("hrsp_5xx", Counter, "responses", "HTTP responses with 5xx code", AllButListener, "http_5xx_total", "http_5xx_rate"),
        new("hrsp_other", Counter, "responses", "HTTP responses with another code (protocol error)", AllButListener, null, "http_other_rate"),
        new("hanafail", Counter, "failures", "Failed health-analysis (observe) checks", Server, null, "health_analysis_failure_rate"),
        new("req_rate", Rate, "requests/s", "HTTP requests per second over the last second", Frontend),
        new("req_rate_max", Max, "requests/s", "Highest HTTP request rate", Frontend),
        new("req_tot", Counter, "requests", "HTTP requests since start", AllButListener, "requests_total", "request_rate"),
        new("cli_abrt", Counter, "transfers", "Transfers aborted by the client", BackendAndServer, null, "client_abort_rate"),
        new("srv_abrt", Counter, "transfers", "Transfers aborted by the server", BackendAndServer, null, "server_abort_rate"),
        new("comp_in", Counter, "bytes", "Bytes fed to the compressor", ProxyRows, null, "compression_in_rate"),
        new("comp_out", Counter, "bytes", "Bytes emitted by the compressor", ProxyRows, null, "compression_out_rate"),
        new("comp_byp", Counter, "bytes", "Bytes that bypassed the compressor", ProxyRows, null, "compression_bypass_rate"),
        new("comp_rsp", Counter, "responses", "Responses that were compressed", ProxyRows, null, "compressed_response_rate"),
        new("lastsess", Age, "s", "Seconds since the last session was assigned", BackendAndServer),
        new("last_chk", Output, "", "Last health check contents or error", Server),
        new("last_agt", Output, "", "Last agent check contents or error", Server),
        new("qtime", Duration, "ms", "Average queue time over the last 1024 requests", BackendAndServer, "queue_time_ms"),
        new("ctime", Duration, "ms", "Average connect time over the last 1024 requests", BackendAndServer, "connect_time_ms"),
        new("rtime", Duration, "ms", "Average response time over the last 1024 requests", BackendAndServer, "response_time_ms"),
        new("ttime", Duration, "ms", "Average total session time over the last 1024 requests", BackendAndServer, "total_time_ms"),
        new("agent_status", Output, "", "Last agent check status", Server),
        new("agent_code", Output, "", "Code of the last agent check", Server),
        new("agent_duration", Duration, "ms", "Duration of the last agent check", Server),
        new("check_desc", Output, "", "Human-readable description of check_status", Server),
        new("agent_desc", Output, "", "Human-readable description of agent_status", Server),
        new("check_rise", Output, "", "Check rise parameter", Server),
        new("check_fall", Output, "", "Check fall parameter", Server),
        new("check_health", Output, "", "Check health counter (0 to rise+fall-1)", Server),
        new("agent_rise", Output, "", "Agent rise parameter", Server),
        new("agent_fall", Output, "", "Agent fall parameter", Server),
        new("agent_health", Output, "", "Agent health counter", Server),
        new("addr", Output, "", "Server address:port", Server | Listener),
        new("cookie", Output, "", "Server cookie value or backend cookie name", BackendAndServer),
        new("mode", Output, "", "Proxy mode (tcp, http, health, unknown)", FieldScope.All),
        new("algo", Output, "", "Load-balancing algorithm", Backend),
        new("conn_rate", Rate, "connections/s", "Connections per second over the last second", Frontend),
        new("conn_rate_max", Max, "connections/s", "Highest connection rate", Frontend),
        new("conn_tot", Counter, "connections", "Connections since start", Frontend, null, "connection_rate"),
        new("intercepted", Counter, "requests", "Requests intercepted (stats, monitor, redirects)", Frontend | Backend, null, "intercepted_rate"),
        new("dcon", Counter, "connections", "Connections denied by tcp-request connection rules", Frontend | Listener, null, "denied_connection_rate"),
        new("dses", Counter, "sessions", "Sessions denied by tcp-request session rules", Frontend | Listener, null, "denied_session_rate"),
        new("wrew", Counter, "rewrites", "Failed header rewrites", FieldScope.All, null, "rewrite_failure_rate"),
        new("connect", Counter, "connections", "Connection establishment attempts", BackendAndServer, null, "connect_rate"),
        new("reuse", Counter, "connections", "Connection reuses", BackendAndServer, null, "reuse_rate"),
        new("cache_lookups", Counter, "lookups", "Cache lookups", Frontend | Backend, null, "cache_lookup_rate"),
        new("cache_hits", Counter, "hits", "Cache hits", Frontend | Backend, null, "cache_hit_rate"),
        new("srv_icur", Gauge, "connections", "Idle connections available for reuse", Server),
        new("src_ilim", Limit, "connections", "Idle connection limit", Server),
        new("qtime_max", Max, "ms", "Highest queue time", BackendAndServer),
        new("ctime_max", Max, "ms", "Highest connect time", BackendAndServer),
        new("rtime_max", Max, "ms", "Highest response time", BackendAndServer),
        new("ttime_max", Max, "ms", "Highest total time", BackendAndServer),
        new("eint", Counter, "errors", "Internal errors", FieldScope.All, null, "internal_error_rate"),
        new("idle_conn_cur", Gauge, "connections", "Unsafe idle connections", Server),
        new("safe_conn_cur", Gauge, "connections", "Safe idle connections", Server),
        new("used_conn_cur", Gauge, "connections", "Connections in use", Server),
        new("need_conn_est", Gauge, "connections", "Estimated connections needed", Server),
        new("uweight", Gauge, "", "User weight (server) or sum of user weights (backend)", BackendAndServer),
        new("agg_server_status", Output, "", "Aggregated server status", Backend),
        new("agg_server_check_status", Output, "", "Deprecated aggregated check status", Backend),
        new("agg_check_status", Output, "", "Aggregated check status", Backend),
    ];

    private static readonly Dictionary<string, FieldDefinition> ByName =
        All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The definition of a CSV column, or null for a field this catalogue does not know.</summary>
    public static FieldDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Counters that are turned into per-second rates, with their storage names.</summary>
    public static IReadOnlyList<FieldDefinition> RateCounters { get; } =
        All.Where(f => f.Kind == Counter && f.RateAs is not null).ToArray();
}
