using HAProxy.Logs;

namespace Storage.Schema;

/// <summary>
/// The stored name of each event kind (the <c>kind</c> tag and column). Declared here rather than taken from the C#
/// enum's names, so renaming an enum member can never change what the stores, Grafana's annotations and saved
/// links hold.
/// </summary>
public static class EventKinds
{
    private static readonly (LogEventKind Kind, string Name, string Meaning)[] Table =
    [
        (LogEventKind.ServerDown, "ServerDown", "Server DOWN (health check, or changed from the CLI)"),
        (LogEventKind.ServerUp, "ServerUp", "Server UP"),
        (LogEventKind.ServerEnteringMaintenance, "ServerEnteringMaintenance", "Server is going DOWN for maintenance"),
        (LogEventKind.ServerDownEntersMaintenance, "ServerDownEntersMaintenance", "Server was DOWN and now enters maintenance"),
        (LogEventKind.ServerLeavingMaintenance, "ServerLeavingMaintenance", "Server is UP/READY, leaving maintenance"),
        (LogEventKind.ServerEnteringDrain, "ServerEnteringDrain", "Server enters drain"),
        (LogEventKind.ServerLeavingDrain, "ServerLeavingDrain", "Server leaves drain"),
        (LogEventKind.BackendNoServerAvailable, "BackendNoServerAvailable", "Backend has no server available"),
        (LogEventKind.ProxyStopped, "ProxyStopped", "Proxy stopped (reload or stop)"),
        (LogEventKind.HealthCheckFailed, "HealthCheckFailed", "Health check failed (server still up)"),
        (LogEventKind.HealthCheckSucceeded, "HealthCheckSucceeded", "Health check succeeded (server still down)"),
        (LogEventKind.ServerStopping, "ServerStopping", "Server is stopping"),
    ];

    private static readonly Dictionary<LogEventKind, string> NameByKind = Table.ToDictionary(t => t.Kind, t => t.Name);
    private static readonly Dictionary<string, LogEventKind> KindByName = Table.ToDictionary(t => t.Name, t => t.Kind, StringComparer.Ordinal);

    /// <summary>Every stored kind name with its meaning, in the table's order.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> All { get; } = Table.Select(t => (t.Name, t.Meaning)).ToArray();

    public static string NameOf(LogEventKind kind) =>
        NameByKind.TryGetValue(kind, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No stored name declared for this event kind.");

    public static bool TryParse(string name, out LogEventKind kind) => KindByName.TryGetValue(name, out kind);

    /// <summary>The kinds that change whether a server takes traffic, as charts mark them: DOWN, UP and maintenance.</summary>
    public static IReadOnlyList<string> StateChanges { get; } =
    [
        NameOf(LogEventKind.ServerDown), NameOf(LogEventKind.ServerUp), NameOf(LogEventKind.ServerEnteringMaintenance),
        NameOf(LogEventKind.ServerDownEntersMaintenance), NameOf(LogEventKind.ServerLeavingMaintenance), NameOf(LogEventKind.BackendNoServerAvailable),
    ];
}
