using Alerter.Policy;
using HAProxy.Logs;

namespace Alerter.Tests.Policy;

/// <summary>Builds policy events shaped like the real HAProxy 2.6 lines in shared/reference/haproxy-2.6.md.</summary>
internal static class Events
{
    private static long _id;

    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 21, 38, 33, TimeSpan.Zero);

    public static PolicyEvent Down(string proxy, string server, DateTimeOffset time, int activeLeft = 1, int backupLeft = 0, string host = "lb1")
        => Make(LogEventKind.ServerDown, proxy, server, time, host,
            $"Server {proxy}/{server} is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. {activeLeft} active and {backupLeft} backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.")
            with { Reason = "Layer4 connection problem", CheckInfo = "Connection refused", CheckDurationMs = 0, ActiveLeft = activeLeft, BackupLeft = backupLeft };

    public static PolicyEvent Up(string proxy, string server, DateTimeOffset time, int activeLeft = 2, string host = "lb1")
        => Make(LogEventKind.ServerUp, proxy, server, time, host,
            $"Server {proxy}/{server} is UP, reason: Layer7 check passed, code: 200, check duration: 1ms. {activeLeft} active and 0 backup servers online. 0 sessions requeued, 0 total in queue.")
            with { Reason = "Layer7 check passed", CheckCode = 200, CheckDurationMs = 1, ActiveLeft = activeLeft, BackupLeft = 0 };

    public static PolicyEvent Maintenance(string proxy, string server, DateTimeOffset time, string host = "lb1")
        => Make(LogEventKind.ServerEnteringMaintenance, proxy, server, time, host,
            $"Server {proxy}/{server} is going DOWN for maintenance. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.")
            with { ActiveLeft = 1, BackupLeft = 0 };

    public static PolicyEvent Drain(string proxy, string server, DateTimeOffset time)
        => Make(LogEventKind.ServerEnteringDrain, proxy, server, time, "lb1", $"Server {proxy}/{server} enters drain state. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.");

    public static PolicyEvent NoServer(string proxy, DateTimeOffset time, string host = "lb1")
        => Make(LogEventKind.BackendNoServerAvailable, proxy, null, time, host, $"backend {proxy} has no server available!");

    public static PolicyEvent ProxyStopped(string proxy, DateTimeOffset time)
        => Make(LogEventKind.ProxyStopped, proxy, null, time, "lb1", $"Proxy {proxy} stopped (cumulated conns: FE: 0, BE: 402).");

    private static PolicyEvent Make(LogEventKind kind, string proxy, string? server, DateTimeOffset time, string host, string message)
    {
        var id = Interlocked.Increment(ref _id);
        return new PolicyEvent
        {
            Id = id,
            Key = $"{host}|{proxy}/{server}|{kind}|{time.ToUnixTimeMilliseconds()}",
            Host = host,
            Proxy = proxy,
            Server = server,
            Kind = kind,
            Time = time,
            Message = message,
            Line = $"<129>{time:MMM dd HH:mm:ss} haproxy[6085]: {message}",
        };
    }
}
