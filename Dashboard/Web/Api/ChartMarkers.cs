using HAProxy.Logs;
using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>
/// How a chart marks each state change of <see cref="EventKinds.StateChanges"/>: <c>up</c>, <c>maint</c> or <c>down</c>
/// (the page's CSS classes), keyed by the stored kind name so that the page never spells one.
/// </summary>
public static class ChartMarkers
{
    public static IReadOnlyDictionary<string, string> ByKind { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EventKinds.NameOf(LogEventKind.ServerUp)] = "up",
        [EventKinds.NameOf(LogEventKind.ServerLeavingMaintenance)] = "up",
        [EventKinds.NameOf(LogEventKind.ServerEnteringMaintenance)] = "maint",
        [EventKinds.NameOf(LogEventKind.ServerDownEntersMaintenance)] = "maint",
        [EventKinds.NameOf(LogEventKind.ServerDown)] = "down",
        [EventKinds.NameOf(LogEventKind.BackendNoServerAvailable)] = "down",
    };
}
