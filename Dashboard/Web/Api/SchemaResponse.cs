using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/schema</c>: the measurements (with their charts), every event kind and severity with its meaning, and the
/// kinds charts mark (UP, DOWN, maintenance) with their marker. The page takes every stored name from here.
/// </summary>
public sealed record SchemaResponse(
    IReadOnlyList<SchemaMeasurement> Measurements,
    IReadOnlyList<EventKindInfo> EventKinds,
    IReadOnlyList<string> StateChanges,
    IReadOnlyList<SeverityInfo> Severities,
    IReadOnlyDictionary<string, string> Markers)
{
    public static SchemaResponse Instance { get; } = new(
        SchemaMeasurement.All,
        Storage.Schema.EventKinds.All.Select(k => new EventKindInfo(k.Name, k.Meaning)).ToList(),
        Storage.Schema.EventKinds.StateChanges,
        Storage.Schema.Severities.All.Select(s => new SeverityInfo(s.Name, s.Meaning)).ToList(),
        ChartMarkers.ByKind);
}
