using Dashboard.Web.Api;

namespace Dashboard.Web.Live;

/// <summary>The columns of a proxy row on the event stream: <see cref="OverviewRow"/>'s JSON names, in one fixed order.</summary>
public static class LiveRowColumns
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "kind", "host", "proxy", "server", "timeUnixMs", "stale", "status", "checkStatus", "up", "weight", "sessionsCurrent",
        "sessionsLimit", "sessionsPct", "sessionRate", "bytesInRate", "bytesOutRate", "http5xxRate", "queueCurrent",
        "responseTimeMs", "activeServers", "backupServers",
    ];

    public static object?[] Values(OverviewRow r) =>
    [
        r.Kind, r.Host, r.Proxy, r.Server, r.TimeUnixMs, r.Stale, r.Status, r.CheckStatus, r.Up, r.Weight, r.SessionsCurrent,
        r.SessionsLimit, r.SessionsPct, r.SessionRate, r.BytesInRate, r.BytesOutRate, r.Http5xxRate, r.QueueCurrent,
        r.ResponseTimeMs, r.ActiveServers, r.BackupServers,
    ];
}
