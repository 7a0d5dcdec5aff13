using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary><c>GET /api/schema</c>: the measurements, every event kind with its meaning, and the kinds charts mark (UP, DOWN, maintenance).</summary>
public sealed record SchemaResponse(IReadOnlyList<SchemaMeasurement> Measurements, IReadOnlyList<EventKindInfo> EventKinds, IReadOnlyList<string> StateChanges)
{
    public static SchemaResponse Instance { get; } = new(
        SchemaMeasurement.All,
        Storage.Schema.EventKinds.All.Select(k => new EventKindInfo(k.Name, k.Meaning)).ToList(),
        Storage.Schema.EventKinds.StateChanges);
}

/// <summary>A stored event kind name and what it means.</summary>
public sealed record EventKindInfo(string Name, string Meaning);
