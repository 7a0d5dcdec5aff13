using System.Text.RegularExpressions;

namespace Grafana.Tests.Lint;

/// <summary>
/// The storage schema's names (measurements, their tags and fields) as the dashboard lint sees them. For now read from
/// the tables of docs/schema.md; at merge this one file's body becomes calls to <c>Storage.Schema</c>, the schema as
/// data, so the lint and the writers agree by construction.
/// </summary>
public static partial class SchemaNames
{
    private static readonly Lazy<Schema> Parsed = new(() => Parse(File.ReadAllLines(RepositoryRoot.Combine("docs", "schema.md"))));

    public static bool HasMeasurement(string measurement) => Parsed.Value.Tags.ContainsKey(measurement);

    public static bool HasTag(string measurement, string tag) =>
        Parsed.Value.Tags.TryGetValue(measurement, out var tags) && tags.Contains(tag);

    public static bool HasField(string measurement, string field) =>
        Parsed.Value.Fields.TryGetValue(measurement, out var fields) && fields.Contains(field);

    private sealed record Schema(Dictionary<string, HashSet<string>> Tags, Dictionary<string, HashSet<string>> Fields);

    // The proxy-row table says on which rows a field exists: fe, be, srv.
    private static readonly Dictionary<string, string> RowMeasurements = new()
    {
        ["fe"] = "haproxy_frontend",
        ["be"] = "haproxy_backend",
        ["srv"] = "haproxy_server",
    };

    private static Schema Parse(string[] lines)
    {
        var tags = new Dictionary<string, HashSet<string>>();
        var fields = new Dictionary<string, HashSet<string>>();
        string[] sectionMeasurements = [];
        string[]? header = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sectionMeasurements = Backticked(line).Where(tags.ContainsKey).ToArray();
                header = null;
                continue;
            }
            if (!line.StartsWith('|'))
            {
                header = null;
                // haproxy_event's fields are a sentence: "Fields `message` (the log text), `active_left`, ...; tags add ..."
                if (line.StartsWith("Fields ", StringComparison.Ordinal) && sectionMeasurements.Length == 1)
                {
                    Add(fields, sectionMeasurements[0], Backticked(line.Split(';')[0]));
                }
                continue;
            }
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }
            if (cells.All(c => c.All(ch => ch is '-' or ':')))
            {
                continue; // the |---|---| line
            }
            var column = (string name) => Array.IndexOf(header, name) is var i and >= 0 && i < cells.Length ? cells[i] : null;
            if (column("measurement") is { } measurement && column("tags") is { } tagCell)
            {
                var name = Backticked(measurement).Single();
                tags[name] = Backticked(tagCell).ToHashSet();
                fields.TryAdd(name, []);
            }
            else if (column("field") is { } fieldCell)
            {
                var measurements = column("rows") is { } rows
                    ? rows.Split(',').Select(r => RowMeasurements[r.Trim()]).ToArray()
                    : sectionMeasurements;
                foreach (var m in measurements)
                {
                    Add(fields, m, Backticked(fieldCell));
                }
            }
        }
        return new Schema(tags, fields);
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string measurement, IEnumerable<string> names)
    {
        if (!map.TryGetValue(measurement, out var set))
        {
            map[measurement] = set = [];
        }
        set.UnionWith(names);
    }

    private static IEnumerable<string> Backticked(string text) => BacktickedName().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex("`([a-z0-9_]+)`")]
    private static partial Regex BacktickedName();
}
