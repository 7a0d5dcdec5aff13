using System.Text.Json;

namespace Grafana.Tests.Integration;

/// <summary>One series of an InfluxDB /query answer: its tags (GROUP BY) and rows, each row column name to value.</summary>
public sealed record InfluxSeries(string Name, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Rows)
{
    /// <summary>Every series of the first statement's result; an "error" there is thrown with the statement.</summary>
    public static IReadOnlyList<InfluxSeries> Parse(JsonDocument answer, string statement)
    {
        var result = answer.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"InfluxDB: {error.GetString()} in {statement}");
        }
        if (!result.TryGetProperty("series", out var series))
        {
            return [];
        }
        return series.EnumerateArray().Select(s =>
        {
            var tags = s.TryGetProperty("tags", out var t)
                ? t.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
                : new Dictionary<string, string>();
            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var rows = s.TryGetProperty("values", out var values)
                ? values.EnumerateArray().Select(v => (IReadOnlyDictionary<string, JsonElement>)columns.Select((c, i) => (c, v[i].Clone())).ToDictionary(x => x.c, x => x.Item2)).ToList()
                : [];
            return new InfluxSeries(s.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "", tags, rows);
        }).ToList();
    }

    /// <summary>Whether some row has a non-null value in a column other than time: what a panel can draw.</summary>
    public bool HasValue => Rows.Any(r => r.Any(c => c.Key != "time" && c.Value.ValueKind != JsonValueKind.Null));

    public override string ToString() =>
        $"{Name} {string.Join(",", Tags.Select(t => $"{t.Key}={t.Value}"))}: {Rows.Count} rows, first {(Rows.Count > 0 ? string.Join(" ", Rows[0].Select(c => $"{c.Key}={c.Value}")) : "-")}";
}
