namespace HAProxy.Logs;

/// <summary>State-change messages that HAProxy writes to its log.</summary>
public enum LogEventKind
{
    /// <summary><c>Server P/S is DOWN, reason: ...</c> (health check, or <c>changed from CLI</c>, or via a tracked server).</summary>
    ServerDown,
    /// <summary><c>Server P/S is UP, reason: ...</c>.</summary>
    ServerUp,
    /// <summary><c>Server P/S is going DOWN for maintenance.</c></summary>
    ServerEnteringMaintenance,
    /// <summary><c>Server P/S was DOWN and now enters maintenance.</c></summary>
    ServerDownEntersMaintenance,
    /// <summary><c>Server P/S is UP/READY (leaving forced maintenance).</c> (also DOWN/READY forms).</summary>
    ServerLeavingMaintenance,
    /// <summary><c>Server P/S enters drain state.</c></summary>
    ServerEnteringDrain,
    /// <summary><c>Server P/S is UP (leaving forced drain).</c></summary>
    ServerLeavingDrain,
    /// <summary><c>backend P has no server available!</c> / <c>proxy P has no server available!</c></summary>
    BackendNoServerAvailable,
    /// <summary><c>Proxy P stopped (cumulated conns: FE: n, BE: m).</c> (soft stop on reload).</summary>
    ProxyStopped,
    /// <summary><c>Health check for server P/S failed, reason: ..., status: 0/2 DOWN</c>.</summary>
    HealthCheckFailed,
    /// <summary><c>Health check for server P/S succeeded, reason: ..., status: 3/3 UP</c>.</summary>
    HealthCheckSucceeded,
    /// <summary><c>Server P/S is stopping</c> (weight 0 from an agent or <c>disable-on-404</c>: NOLB).</summary>
    ServerStopping,
}
