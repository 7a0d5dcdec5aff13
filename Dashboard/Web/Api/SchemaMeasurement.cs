using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary><c>GET /api/schema</c>: a measurement of <see cref="StorageSchema"/> with its tags and fields, so the page never spells a field the store lacks.</summary>
public sealed record SchemaMeasurement(string Name, string Kind, IReadOnlyList<string> Tags, IReadOnlyList<SchemaMeasurementField> Fields)
{
    public static IReadOnlyList<SchemaMeasurement> All { get; } = StorageSchema.All
        .Select(m => new SchemaMeasurement(m.Name, OverviewRows.KindOf(m.Name), m.Tags,
            m.Fields.Select(f => new SchemaMeasurementField(f.Name, f.Type.ToString().ToLowerInvariant(), f.Unit, f.Description)).ToList()))
        .ToList();
}

/// <summary>One field of a <see cref="SchemaMeasurement"/>.</summary>
public sealed record SchemaMeasurementField(string Name, string Type, string Unit, string Description);
