namespace Storage.Samples;

/// <summary>
/// One point of the storage schema (DESIGN.md, "Storage schema"): a measurement such as <c>haproxy_server</c>,
/// tags (<c>host</c>, <c>proxy</c>, <c>server</c>), fields, and the real time the sample was taken.
/// The same shape goes to SQLite and to InfluxDB.
/// </summary>
public sealed record Sample(
    string Measurement,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    IReadOnlyList<KeyValuePair<string, FieldValue>> Fields,
    DateTimeOffset Timestamp)
{
    public string? GetTag(string name)
    {
        foreach (var tag in Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }
        return null;
    }

    public FieldValue? GetField(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Key == name)
            {
                return field.Value;
            }
        }
        return null;
    }
}
