using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>
/// <c>GET /api/schema</c>: a measurement of <see cref="StorageSchema"/> with its tags, fields and the charts of its page
/// (<see cref="ChartSpecs"/>), so the page never spells a field the store lacks.
/// </summary>
public sealed record SchemaMeasurement(string Name, string Kind, IReadOnlyList<string> Tags, IReadOnlyList<SchemaMeasurementField> Fields,
    IReadOnlyList<ChartSpec> Charts)
{
    public static IReadOnlyList<SchemaMeasurement> All { get; } = StorageSchema.All
        .Select(m => new SchemaMeasurement(m.Name, OverviewRows.KindOf(m.Name), m.Tags,
            m.Fields.Select(f => new SchemaMeasurementField(f.Name, f.Type.ToString().ToLowerInvariant(), f.Unit, f.Description)).ToList(),
            ChartSpecs.For(m)))
        .ToList();
}
