using System.Text.RegularExpressions;
using HAProxy.Logs;

namespace HAProxy.Tests.Logs;

/// <summary>
/// The events the integration scenario produces, in order (shared by the live test and the test over its saved
/// capture). One line per event: kind, proxy/server, and the fields that tell the forms apart.
/// </summary>
internal static class IntegrationSequence
{
    public static string[] Describe(IEnumerable<LogEvent> events) =>
        events.Select(e => string.Join(' ', new[]
        {
            e.Kind.ToString(),
            e.Server is null ? e.Proxy : $"{e.Proxy}/{e.Server}",
            e.IsBackupServer ? "backup" : null,
            e.Via is null ? null : $"via={e.Via}",
            e.State is null ? null : $"state={e.State}",
            e.Reason is null ? null : $"reason={e.Reason}",
            e.ActiveLeft is null ? null : $"left={e.ActiveLeft}/{e.BackupLeft}",
            e.RunningOnBackup ? "on-backup" : null,
        }.Where(part => part is not null))).ToArray();

    /// <summary>
    /// A backend stopped while a check is in flight fails that check with a reset instead of a refused connect:
    /// live runs may read <c>Socket error</c> or <c>Layer7 invalid response</c> where the capture has <c>Layer4
    /// connection problem</c>. The live test compares with these failure reasons folded into one; any other reason
    /// still differs.
    /// </summary>
    public static string[] FoldCheckFailures(IEnumerable<string> described) =>
        described.Select(line => Regex.Replace(
            line, "reason=(Layer4 connection problem|Socket error|Layer7 invalid response|Layer4 timeout|Layer7 timeout)", "reason=<check failure>")).ToArray();

    public static readonly string[] Expected =
    [
        "ServerDown be/srv1 reason=Layer4 connection problem left=2/1",
        "ServerDown be/trk via=be/srv1 left=1/1",
        "ServerUp be/srv1 reason=Layer7 check passed left=2/1",
        "ServerUp be/trk via=be/srv1 left=3/1",
        "ServerEnteringMaintenance be/srv2 left=2/1",
        "ServerLeavingMaintenance be/srv2 state=UP/READY",
        "ServerEnteringDrain be/srv2 left=2/1",
        "ServerLeavingDrain be/srv2 state=UP",
        "ServerEnteringMaintenance be/srv2 left=2/1",
        "ServerLeavingMaintenance be/srv2 state=UP/READY",
        "ServerDown be/srv1 reason=changed from CLI left=2/1",
        "ServerDown be/trk via=be/srv1 left=1/1",
        "ServerUp be/srv1 reason=Layer7 check passed left=2/1",
        "ServerUp be/trk via=be/srv1 left=3/1",
        "ServerEnteringMaintenance be/srv1 left=2/1",
        "ServerEnteringMaintenance be/trk via=be/srv1 left=1/1",
        "ServerDown be/srv2 reason=Layer4 connection problem left=0/1 on-backup",
        "ServerDown be/bk1 backup reason=Layer4 connection problem left=0/0",
        "BackendNoServerAvailable be",
        "ServerUp be/srv2 reason=Layer7 check passed left=1/0",
        "ServerUp be/bk1 backup reason=Layer7 check passed left=1/1",
        "ServerLeavingMaintenance be/srv1 state=UP/READY",
        "ServerLeavingMaintenance be/trk state=UP/READY",
        "ServerDown be/srv1 reason=Layer4 connection problem left=2/1",
        "ServerDown be/trk via=be/srv1 left=1/1",
        "ServerDownEntersMaintenance be/trk",
        "ServerLeavingMaintenance be/trk state=DOWN/READY",
        "ServerUp be/srv1 reason=Layer7 check passed left=2/1",
        "ServerUp be/trk via=be/srv1 left=3/1",
        "ProxyStopped fe",
        "ProxyStopped be",
        "ProxyStopped <HTTPCLIENT>",
    ];
}
