using Storage.Schema;

namespace Grafana.Tests.Lint;

/// <summary>
/// The storage schema's names (measurements, their tags and fields) as the dashboard lint sees them: the schema as
/// data in <see cref="StorageSchema"/>, the same table the writers and readers use.
/// </summary>
public static class SchemaNames
{
    public static bool HasMeasurement(string measurement) => StorageSchema.Find(measurement) is not null;

    public static bool HasTag(string measurement, string tag) => StorageSchema.Find(measurement)?.HasTag(tag) == true;

    public static bool HasField(string measurement, string field) => StorageSchema.Find(measurement)?.Field(field) is not null;
}
