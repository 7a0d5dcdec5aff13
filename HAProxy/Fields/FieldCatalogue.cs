using static HAProxy.Fields.FieldKind;
using static HAProxy.Fields.FieldScope;

namespace HAProxy.Fields;

/// <summary>
/// Every standard <c>show stat</c> field of HAProxy 2.6, with kind, unit and description: HAProxy's
/// language only. The Collector, the terminal viewer and the storage schema read this one table; the names the store
/// keeps the columns under are Storage's (<c>Storage.Schema.ProxyColumns</c>). Fields not listed here
/// (newer versions, module fields after the <c>-</c> column) are still parsed and kept by name.
/// </summary>
public static class FieldCatalogue
{
    public static IReadOnlyList<FieldDefinition> All { get; } =
    [
        new("pxname", Name, "", "Proxy name", FieldScope.All),
        new("svname", Name, "", "Service name (FRONTEND, BACKEND, server or listener name)", FieldScope.All),
        new("qcur", Gauge, "requests", "Requests waiting in queue", BackendAndServer),
        new("qmax", Max, "requests", "Highest queue length", BackendAndServer),
        new("scur", Gauge, "sessions", "Current sessions", FieldScope.All),
        new("smax", Max, "sessions", "Highest concurrent sessions", FieldScope.All),
        new("slim", Limit, "sessions", "Configured session limit", FieldScope.All),
        new("stot", Counter, "sessions", "Sessions since start", FieldScope.All),
        new("bin", Counter, "bytes", "Bytes received from clients", FieldScope.All),
        new("bout", Counter, "bytes", "Bytes sent to clients", FieldScope.All),
        new("dreq", Counter, "requests", "Requests denied by security rules", Frontend | Backend | Listener),
        new("dresp", Counter, "responses", "Responses denied by security rules", FieldScope.All),
        new("ereq", Counter, "requests", "Request errors", Frontend | Listener),
        new("econ", Counter, "connections", "Failed connections to a server", BackendAndServer),
        new("eresp", Counter, "responses", "Response errors", BackendAndServer),
        new("wretr", Counter, "retries", "Connection retries", BackendAndServer),
        new("wredis", Counter, "redispatches", "Requests redispatched to another server", BackendAndServer),
        new("status", Output, "", "Status (UP, DOWN, NOLB, MAINT, DRAIN, no check, OPEN, ...)", FieldScope.All),
        new("weight", Gauge, "", "Effective weight (server) or total weight (backend)", BackendAndServer),
        new("act", Gauge, "servers", "Active servers (backend) or 1 if active (server)", BackendAndServer),
        new("bck", Gauge, "servers", "Backup servers (backend) or 1 if backup (server)", BackendAndServer),
        new("chkfail", Counter, "checks", "Failed health checks", Server),
        new("chkdown", Counter, "transitions", "UP to DOWN transitions", BackendAndServer),
        new("lastchg", Age, "s", "Seconds since the last UP/DOWN transition", BackendAndServer),
        new("downtime", Duration, "s", "Total downtime", BackendAndServer),
        new("qlimit", Limit, "requests", "Configured queue limit", Server),
        new("pid", Name, "", "Process id (relative, 1 for the first)", FieldScope.All),
        new("iid", Name, "", "Proxy id", FieldScope.All),
        new("sid", Name, "", "Server id", Server | Listener),
        new("throttle", Gauge, "%", "Slowstart throttle", Server),
        new("lbtot", Counter, "selections", "Times the server was selected by load balancing", BackendAndServer),
        new("tracked", Name, "", "Server tracked by this one (iid/sid)", Server),
        new("type", Output, "", "Row type: 0 frontend, 1 backend, 2 server, 3 listener", FieldScope.All),
        new("rate", Rate, "sessions/s", "Sessions per second over the last second", AllButListener),
        new("rate_lim", Limit, "sessions/s", "Configured session rate limit", Frontend),
        new("rate_max", Max, "sessions/s", "Highest session rate", AllButListener),
        new("check_status", Output, "", "Last health check status (L4OK, L7OK, L4CON, ...)", Server),
        new("check_code", Output, "", "Layer 5-7 code of the last check", Server),
        new("check_duration", Duration, "ms", "Duration of the last health check", Server),
        new("hrsp_1xx", Counter, "responses", "HTTP responses with 1xx code", AllButListener),
        new("hrsp_2xx", Counter, "responses", "HTTP responses with 2xx code", AllButListener),
        new("hrsp_3xx", Counter, "responses", "HTTP responses with 3xx code", AllButListener),
        new("hrsp_4xx", Counter, "responses", "HTTP responses with 4xx code", AllButListener),
        new("hrsp_5xx", Counter, "responses", "HTTP responses with 5xx code", AllButListener),
        new("hrsp_other", Counter, "responses", "HTTP responses with another code (protocol error)", AllButListener),
        new("hanafail", Counter, "failures", "Failed health-analysis (observe) checks", Server),
        new("req_rate", Rate, "requests/s", "HTTP requests per second over the last second", Frontend),
        new("req_rate_max", Max, "requests/s", "Highest HTTP request rate", Frontend),
        new("req_tot", Counter, "requests", "HTTP requests since start", AllButListener),
        new("cli_abrt", Counter, "transfers", "Transfers aborted by the client", BackendAndServer),
        new("srv_abrt", Counter, "transfers", "Transfers aborted by the server", BackendAndServer),
        new("comp_in", Counter, "bytes", "Bytes fed to the compressor", ProxyRows),
        new("comp_out", Counter, "bytes", "Bytes emitted by the compressor", ProxyRows),
        new("comp_byp", Counter, "bytes", "Bytes that bypassed the compressor", ProxyRows),
        new("comp_rsp", Counter, "responses", "Responses that were compressed", ProxyRows),
        new("lastsess", Age, "s", "Seconds since the last session was assigned", BackendAndServer),
        new("last_chk", Output, "", "Last health check contents or error", Server),
        new("last_agt", Output, "", "Last agent check contents or error", Server),
        new("qtime", Duration, "ms", "Average queue time over the last 1024 requests", BackendAndServer),
        new("ctime", Duration, "ms", "Average connect time over the last 1024 requests", BackendAndServer),
        new("rtime", Duration, "ms", "Average response time over the last 1024 requests", BackendAndServer),
        new("ttime", Duration, "ms", "Average total session time over the last 1024 requests", BackendAndServer),
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
        new("conn_tot", Counter, "connections", "Connections since start", Frontend),
        new("intercepted", Counter, "requests", "Requests intercepted (stats, monitor, redirects)", Frontend | Backend),
        new("dcon", Counter, "connections", "Connections denied by tcp-request connection rules", Frontend | Listener),
        new("dses", Counter, "sessions", "Sessions denied by tcp-request session rules", Frontend | Listener),
        new("wrew", Counter, "rewrites", "Failed header rewrites", FieldScope.All),
        new("connect", Counter, "connections", "Connection establishment attempts", BackendAndServer),
        new("reuse", Counter, "connections", "Connection reuses", BackendAndServer),
        new("cache_lookups", Counter, "lookups", "Cache lookups", Frontend | Backend),
        new("cache_hits", Counter, "hits", "Cache hits", Frontend | Backend),
        new("srv_icur", Gauge, "connections", "Idle connections available for reuse", Server),
        new("src_ilim", Limit, "connections", "Idle connection limit", Server),
        new("qtime_max", Max, "ms", "Highest queue time", BackendAndServer),
        new("ctime_max", Max, "ms", "Highest connect time", BackendAndServer),
        new("rtime_max", Max, "ms", "Highest response time", BackendAndServer),
        new("ttime_max", Max, "ms", "Highest total time", BackendAndServer),
        new("eint", Counter, "errors", "Internal errors", FieldScope.All),
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

    /// <summary>The counters, in catalogue order: what <c>CounterDeltas</c> turns into per-second rates.</summary>
    public static IReadOnlyList<FieldDefinition> RateCounters { get; } =
        All.Where(f => f.Kind == Counter).ToArray();
}
