namespace Storage.Schema;

/// <summary><c>haproxy_process</c> fields (from <c>show info</c>).</summary>
public static class ProcessFields
{
    public const string UptimeS = "uptime_s";
    public const string CurrentConnections = "current_connections";
    public const string ConnectionRate = "connection_rate";
    public const string SessionRate = "session_rate";
    public const string MaxConnections = "max_connections";
    public const string IdlePct = "idle_pct";
    public const string RunQueue = "run_queue";
    public const string Tasks = "tasks";
    public const string Pid = "pid";
    public const string Version = "version";
    public const string Stopping = "stopping";
}
