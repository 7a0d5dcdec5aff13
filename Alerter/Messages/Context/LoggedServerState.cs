using Storage.Schema;

namespace Alerter.Messages.Context;

/// <summary>
/// Pure: the status a server is in after a logged transition, in the words of HAProxy's status column, so the mail's
/// "now" table can put a transition newer than the Collector's last sample in the sample's place.
/// </summary>
public static class LoggedServerState
{
    /// <summary>The stored kinds that leave a server in a known state.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "ServerDown", "ServerUp", "ServerEnteringMaintenance", "ServerDownEntersMaintenance", "ServerLeavingMaintenance",
        "ServerEnteringDrain", "ServerLeavingDrain",
    ];

    /// <summary><c>DOWN</c>, <c>UP</c>, <c>MAINT</c> or <c>DRAIN</c>; null for a kind that says no state (a backend event, a check).</summary>
    /// <param name="message">The log text: leaving maintenance is "is UP/READY" or, for a server whose check still fails, "is DOWN/READY".</param>
    public static string? After(string kind, string message)
    {
        if (!EventKinds.TryParse(kind, out _))
        {
            return null;
        }
        return kind switch
        {
            "ServerDown" => "DOWN",
            "ServerUp" or "ServerLeavingDrain" => "UP",
            "ServerEnteringMaintenance" or "ServerDownEntersMaintenance" => "MAINT",
            "ServerLeavingMaintenance" => message.Contains("DOWN/READY", StringComparison.Ordinal) ? "DOWN" : "UP",
            "ServerEnteringDrain" => "DRAIN",
            _ => null,
        };
    }
}
