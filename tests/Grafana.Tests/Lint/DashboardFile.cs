using System.Text.Json;

namespace Grafana.Tests.Lint;

/// <summary>One dashboard JSON file of grafana/dashboards, parsed, with the parts the lint and the query proof read.</summary>
public sealed class DashboardFile
{
    private DashboardFile(string name, JsonElement root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public JsonElement Root { get; }

    public static string Directory => RepositoryRoot.Combine("grafana", "dashboards");

    public static IReadOnlyList<DashboardFile> All() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal)
            .Select(path => Parse(Path.GetFileName(path), File.ReadAllText(path))).ToList();

    public static DashboardFile Load(string fileName) => Parse(fileName, File.ReadAllText(Path.Combine(Directory, fileName)));

    /// <summary>Parses JSON text; throws <see cref="JsonException"/> when it is not JSON (duplicate keys included).</summary>
    public static DashboardFile Parse(string name, string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        return new DashboardFile(name, document.RootElement.Clone());
    }

    public string Uid => Root.TryGetProperty("uid", out var uid) ? uid.GetString() ?? "" : "";

    /// <summary>Every panel, row panels included, and the panels inside rows (collapsed rows keep theirs there).</summary>
    public IEnumerable<JsonElement> Panels()
    {
        foreach (var panel in Array(Root, "panels"))
        {
            yield return panel;
            foreach (var inner in Array(panel, "panels"))
            {
                yield return inner;
            }
        }
    }

    public static bool IsRow(JsonElement panel) => Text(panel, "type") == "row";

    public IEnumerable<JsonElement> Variables() => Root.TryGetProperty("templating", out var t) ? Array(t, "list") : [];

    /// <summary>Annotations other than Grafana's built-in one (which queries Grafana's own store).</summary>
    public IEnumerable<JsonElement> Annotations() =>
        (Root.TryGetProperty("annotations", out var a) ? Array(a, "list") : []).Where(x => !x.TryGetProperty("builtIn", out _));

    /// <summary>Every InfluxQL statement: panel targets, query variables and annotations, in the file's order.</summary>
    public IEnumerable<DashboardQuery> Queries()
    {
        foreach (var variable in Variables().Where(v => Text(v, "type") == "query"))
        {
            yield return new DashboardQuery(Name, QueryKind.Variable, Text(variable, "name") ?? "", "", QueryText(variable, "query"), IsTable: false);
        }
        foreach (var panel in Panels().Where(p => !IsRow(p)))
        {
            foreach (var target in Array(panel, "targets"))
            {
                yield return new DashboardQuery(Name, QueryKind.Panel, Text(panel, "title") ?? "", Text(target, "refId") ?? "",
                    Text(target, "query") ?? "", Text(target, "resultFormat") == "table");
            }
        }
        foreach (var annotation in Annotations())
        {
            var target = annotation.TryGetProperty("target", out var t) ? t : default;
            yield return new DashboardQuery(Name, QueryKind.Annotation, Text(annotation, "name") ?? "", "",
                target.ValueKind == JsonValueKind.Object ? Text(target, "query") ?? "" : "", IsTable: false);
        }
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // A variable's query is a string, or (as Grafana 10+ saves it) an object with a "query" string.
    private static string QueryText(JsonElement variable, string property) =>
        variable.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : Text(value, "query") ?? ""
            : "";

    public override string ToString() => Name;
}
