namespace HAProxy.Admin;

/// <summary>The administrative states that <c>set server P/S state</c> accepts.</summary>
public enum ServerAdminState
{
    /// <summary>Back to normal operation (leaves drain and maintenance).</summary>
    Ready,
    /// <summary>Keeps existing and persistent sessions, takes no new ones.</summary>
    Drain,
    /// <summary>Maintenance: takes no traffic, health checks stop.</summary>
    Maint,
}
