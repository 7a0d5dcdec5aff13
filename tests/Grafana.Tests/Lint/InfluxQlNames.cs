using System.Text.RegularExpressions;

namespace Grafana.Tests.Lint;

/// <summary>
/// The names one InfluxQL statement refers to, read by structure rather than parsed in full: measurements after
/// FROM, aliases after AS, tag keys in GROUP BY and WITH KEY, and every other double-quoted identifier (a field or a
/// tag in SELECT or WHERE). Enough for the dashboards' raw queries, including a subquery in FROM.
/// </summary>
public sealed partial record InfluxQlNames(
    IReadOnlyList<string> Measurements,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> GroupByTags,
    IReadOnlyList<string> KeyTags,
    IReadOnlyList<string> Other)
{
    public static InfluxQlNames Of(string query)
    {
        // Quoted strings and regex literals hold values, not names ('warning', /^$host$/).
        var text = RegexLiteral().Replace(StringLiteral().Replace(query, "''"), "//");
        var measurements = Names(FromMeasurement(), text);
        var aliases = Names(Alias(), text);
        var groupBy = GroupByClause().Matches(TimeBucket().Replace(text, ""))
            .SelectMany(m => Names(Identifier(), m.Groups[1].Value)).ToList();
        var keys = Names(WithKey(), text);
        var named = measurements.Concat(aliases).Concat(groupBy).Concat(keys).ToHashSet();
        var other = Names(Identifier(), text).Where(n => !named.Contains(n)).Distinct().ToList();
        return new InfluxQlNames(measurements, aliases, groupBy.Distinct().ToList(), keys, other);
    }

    /// <summary>Names this statement uses that the storage schema does not have, each with the reason.</summary>
    public IEnumerable<string> ProblemsAgainstSchema()
    {
        if (Measurements.Count == 0)
        {
            yield return "no FROM \"measurement\"";
        }
        foreach (var m in Measurements.Where(m => !SchemaNames.HasMeasurement(m)))
        {
            yield return $"measurement \"{m}\" is not in the schema";
        }
        var known = Measurements.Where(SchemaNames.HasMeasurement).ToList();
        foreach (var tag in GroupByTags.Concat(KeyTags).Distinct().Where(t => !known.Any(m => SchemaNames.HasTag(m, t))))
        {
            yield return $"\"{tag}\" is not a tag of {string.Join(", ", Measurements)}";
        }
        // A name in SELECT or WHERE is a field or a tag of a measurement, or an alias a subquery defined.
        foreach (var name in Other.Where(n => !Aliases.Contains(n) && !known.Any(m => SchemaNames.HasField(m, n) || SchemaNames.HasTag(m, n))))
        {
            yield return $"\"{name}\" is neither a field nor a tag of {string.Join(", ", Measurements)}";
        }
    }

    private static List<string> Names(Regex pattern, string text) => pattern.Matches(text).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"'(?:[^'\\]|\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<==~|!~)\s*/(?:[^/\\]|\\.)*/")]
    private static partial Regex RegexLiteral();

    [GeneratedRegex(@"\bFROM\s+""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex FromMeasurement();

    [GeneratedRegex(@"\bAS\s+""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Alias();

    [GeneratedRegex(@"\bWITH\s+KEY\s*=\s*""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex WithKey();

    [GeneratedRegex(@"\btime\(\$__interval\)|\btime\([0-9]+[a-z]+\)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeBucket();

    [GeneratedRegex(@"\bGROUP\s+BY\s+([^()]*?)(?:\bfill\b|\)|\bORDER\b|\bLIMIT\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupByClause();

    [GeneratedRegex(@"""([^""]+)""")]
    private static partial Regex Identifier();
}
