using System.Text.Json;
using System.Text.RegularExpressions;

namespace Grafana.Tests.Lint;

/// <summary>
/// The rules a dashboard of grafana/dashboards must follow (grafana/dashboard-linter's list plus our schema), each a
/// pure function from the parsed file to the problems found, so a test can show a rule failing on a broken copy.
/// </summary>
public static partial class DashboardLint
{
    public const int Columns = 24;
    public const string DatasourceUid = "${datasource}";

    /// <summary>Variables Grafana defines itself, and the InfluxDB alias patterns ($tag_server, $col, $m).</summary>
    private static readonly string[] BuiltInPrefixes = ["__"];
    private static readonly HashSet<string> BuiltIns = ["timeFilter"];
    private static readonly HashSet<string> AliasPatterns = ["col", "m", "measurement"];

    public static IEnumerable<string> Identity(DashboardFile d)
    {
        if (d.Uid.Length is 0 or > 40 || !StableUid().IsMatch(d.Uid))
        {
            yield return $"uid '{d.Uid}' must be a fixed, URL-safe id of at most 40 characters";
        }
        if (DashboardFile.Text(d.Root, "title") is not { Length: > 0 })
        {
            yield return "no title";
        }
        if (!d.Root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 42)
        {
            yield return "schemaVersion must be 42 (what Grafana 12/13 writes)";
        }
        if (d.Root.TryGetProperty("__inputs", out _) || d.Root.GetRawText().Contains("${DS_", StringComparison.Ordinal))
        {
            yield return "__inputs / ${DS_...} do not load through file provisioning (grafana/grafana#10786): use the datasource variable";
        }
    }

    public static IEnumerable<string> UniquePanelIds(DashboardFile d)
    {
        var ids = d.Panels().Select(p => p.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt32() : (int?)null).ToList();
        if (ids.Any(i => i is null))
        {
            yield return "a panel has no numeric id";
        }
        foreach (var duplicate in ids.Where(i => i is not null).GroupBy(i => i).Where(g => g.Count() > 1))
        {
            yield return $"panel id {duplicate.Key} is used {duplicate.Count()} times";
        }
    }

    /// <summary>Each panel inside the 24 columns; no two overlap (top-level panels together, each collapsed row's apart).</summary>
    public static IEnumerable<string> Layout(DashboardFile d)
    {
        var groups = new List<List<JsonElement>> { DashboardFile.Array(d.Root, "panels").ToList() };
        groups.AddRange(DashboardFile.Array(d.Root, "panels").Select(p => DashboardFile.Array(p, "panels").ToList()).Where(g => g.Count > 0));
        foreach (var group in groups)
        {
            var placed = new List<(string Title, int X, int Y, int W, int H)>();
            foreach (var panel in group)
            {
                var title = DashboardFile.Text(panel, "title") ?? "?";
                if (!panel.TryGetProperty("gridPos", out var g) || !TryInt(g, "x", out var x) || !TryInt(g, "y", out var y) || !TryInt(g, "w", out var w) || !TryInt(g, "h", out var h))
                {
                    yield return $"'{title}': gridPos needs integer x, y, w, h";
                    continue;
                }
                if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > Columns)
                {
                    yield return $"'{title}': gridPos x={x} w={w} does not fit {Columns} columns (or has a negative or empty size)";
                }
                foreach (var other in placed.Where(o => x < o.X + o.W && o.X < x + w && y < o.Y + o.H && o.Y < y + h))
                {
                    yield return $"'{title}' overlaps '{other.Title}'";
                }
                placed.Add((title, x, y, w, h));
            }
        }
    }

    /// <summary>A title, a unit, and the datasource variable on the panel and every target.</summary>
    public static IEnumerable<string> Panels(DashboardFile d)
    {
        foreach (var panel in d.Panels())
        {
            var title = DashboardFile.Text(panel, "title");
            if (title is not { Length: > 0 })
            {
                yield return $"panel {panel.GetProperty("id")} has no title";
            }
            if (DashboardFile.IsRow(panel))
            {
                continue;
            }
            if (!panel.TryGetProperty("fieldConfig", out var config) || !config.TryGetProperty("defaults", out var defaults) || DashboardFile.Text(defaults, "unit") is not { Length: > 0 })
            {
                yield return $"'{title}' has no fieldConfig.defaults.unit";
            }
            if (!UsesDatasourceVariable(panel))
            {
                yield return $"'{title}' does not use the datasource {{\"type\":\"influxdb\",\"uid\":\"{DatasourceUid}\"}}";
            }
            var targets = DashboardFile.Array(panel, "targets").ToList();
            if (targets.Count == 0)
            {
                yield return $"'{title}' has no targets";
            }
            foreach (var target in targets.Where(t => !UsesDatasourceVariable(t) || DashboardFile.Text(t, "query") is not { Length: > 0 } || !t.TryGetProperty("rawQuery", out var raw) || raw.ValueKind != JsonValueKind.True))
            {
                yield return $"'{title}' target {DashboardFile.Text(target, "refId")}: needs the datasource variable, rawQuery true and a query";
            }
        }
        foreach (var annotation in d.Annotations().Where(a => !UsesDatasourceVariable(a)))
        {
            yield return $"annotation '{DashboardFile.Text(annotation, "name")}' does not use the datasource variable";
        }
    }

    /// <summary>One datasource variable for InfluxDB; query variables use it and refresh when the time range changes.</summary>
    public static IEnumerable<string> Variables(DashboardFile d)
    {
        var variables = d.Variables().ToList();
        var datasources = variables.Where(v => DashboardFile.Text(v, "type") == "datasource").ToList();
        if (datasources.Count != 1 || DashboardFile.Text(datasources[0], "name") != "datasource" || DashboardFile.Text(datasources[0], "query") != "influxdb")
        {
            yield return "needs exactly one variable {\"type\":\"datasource\",\"name\":\"datasource\",\"query\":\"influxdb\"}";
        }
        foreach (var variable in variables.Where(v => DashboardFile.Text(v, "type") == "query"))
        {
            var name = DashboardFile.Text(variable, "name");
            if (!UsesDatasourceVariable(variable))
            {
                yield return $"variable {name} does not use the datasource variable";
            }
            if (!variable.TryGetProperty("refresh", out var refresh) || refresh.ValueKind != JsonValueKind.Number || refresh.GetInt32() != 2)
            {
                yield return $"variable {name}: refresh must be 2 (on time range change)";
            }
        }
    }

    /// <summary>
    /// Every panel and annotation statement filters on $timeFilter (each SELECT of it, subqueries included); every
    /// aggregating time-series statement buckets by time($__interval); rates come from stored *_rate fields only.
    /// </summary>
    public static IEnumerable<string> Queries(DashboardFile d)
    {
        foreach (var query in d.Queries())
        {
            var text = query.Text;
            if (text.Length == 0)
            {
                yield return $"{query}: empty query";
                continue;
            }
            if (query.Kind == QueryKind.Variable)
            {
                if (!text.StartsWith("SHOW TAG VALUES", StringComparison.Ordinal))
                {
                    yield return $"{query}: a variable lists tag values (SHOW TAG VALUES FROM ... WITH KEY = ...)";
                }
                continue;
            }
            var selects = Count(text, "SELECT ");
            if (Count(text, "$timeFilter") < selects)
            {
                yield return $"{query}: each SELECT needs $timeFilter";
            }
            if (query.Kind == QueryKind.Panel && !query.IsTable && Aggregate().IsMatch(text) && Count(text, "GROUP BY time($__interval)") < selects)
            {
                yield return $"{query}: an aggregating time series needs GROUP BY time($__interval) in each SELECT";
            }
            if (ForbiddenFunction().Match(text) is { Success: true } forbidden)
            {
                yield return $"{query}: {forbidden.Value}) recomputes a rate (negative spikes on a reload; a gauge has no rate): select the stored *_rate field";
            }
        }
    }

    /// <summary>Every $var and ${var...} in any string is a variable of the dashboard or one Grafana defines.</summary>
    public static IEnumerable<string> VariablesDefined(DashboardFile d)
    {
        var defined = d.Variables().Select(v => DashboardFile.Text(v, "name")).OfType<string>().ToHashSet();
        foreach (var (property, value) in Strings(d.Root, ""))
        {
            foreach (Match use in VariableUse().Matches(value))
            {
                var name = use.Groups[1].Success ? use.Groups[1].Value : use.Groups[2].Value;
                var isAlias = property == "alias" && (name.StartsWith("tag_", StringComparison.Ordinal) || AliasPatterns.Contains(name));
                if (!defined.Contains(name) && !BuiltIns.Contains(name) && !BuiltInPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) && !isAlias)
                {
                    yield return $"'{use.Value}' in {property} is not a variable of {d.Name}";
                }
            }
        }
    }

    /// <summary>Every measurement, tag and field a statement names exists in the storage schema.</summary>
    public static IEnumerable<string> SchemaNamesExist(DashboardFile d) =>
        d.Queries().SelectMany(q => InfluxQlNames.Of(q.Text).ProblemsAgainstSchema().Select(p => $"{q}: {p}"));

    private static bool UsesDatasourceVariable(JsonElement element) =>
        element.TryGetProperty("datasource", out var ds) && DashboardFile.Text(ds, "type") == "influxdb" && DashboardFile.Text(ds, "uid") == DatasourceUid;

    private static bool TryInt(JsonElement element, string property, out int value)
    {
        value = 0;
        return element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out value);
    }

    private static int Count(string text, string what) =>
        Regex.Matches(text, Regex.Escape(what), RegexOptions.IgnoreCase).Count;

    private static IEnumerable<(string Property, string Value)> Strings(JsonElement element, string property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return (property, element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    foreach (var s in Strings(p.Value, p.Name))
                    {
                        yield return s;
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in Strings(item, property))
                    {
                        yield return s;
                    }
                }
                break;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex StableUid();

    [GeneratedRegex(@"\b(mean|median|sum|count|min|max|last|first|spread|stddev|percentile|mode|integral|distinct)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Aggregate();

    [GeneratedRegex(@"\b(non_negative_derivative|derivative|non_negative_difference|difference|elapsed)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenFunction();

    // $name, or ${name} / ${name:format} / ${__data.fields.x}: the name is what comes before '.', ':' or '}'.
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableUse();
}
