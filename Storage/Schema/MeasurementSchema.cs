namespace Storage.Schema;

/// <summary>One measurement: what a point stands for, its tags and its fields.</summary>
public sealed record MeasurementSchema(string Name, string OnePointPer, IReadOnlyList<string> Tags, IReadOnlyList<SchemaField> Fields)
{
    private readonly Dictionary<string, SchemaField> _byName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public SchemaField? Field(string name) => _byName.GetValueOrDefault(name);

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}
