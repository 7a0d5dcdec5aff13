using System.Globalization;
using System.Text.RegularExpressions;

namespace Grafana.Tests.Integration;

/// <summary>
/// Grafana's InfluxQL interpolation, done the way Grafana does it before sending a raw query to /query:
/// <c>$timeFilter</c> becomes <c>time &gt;= {from}ms and time &lt;= {to}ms</c>, <c>$__interval</c> the bucket
/// (<c>5s</c>), <c>$__interval_ms</c> its milliseconds; a multi-value or include-all variable becomes
/// <c>(a|b)</c> with each value regex-escaped (one value: just that value, escaped), a single-value variable its
/// value as it is.
/// </summary>
public sealed partial class GrafanaMacros
{
    private readonly Dictionary<string, (IReadOnlyList<string> Values, bool Multi)> _variables = [];

    public GrafanaMacros(DateTimeOffset from, DateTimeOffset to, TimeSpan interval)
    {
        From = from;
        To = to;
        Interval = interval;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public TimeSpan Interval { get; }

    public IReadOnlyDictionary<string, (IReadOnlyList<string> Values, bool Multi)> Variables => _variables;

    public void Set(string name, IReadOnlyList<string> values, bool multi) => _variables[name] = (values, multi);

    public string Interpolate(string query) =>
        VariableUse().Replace(query, match =>
        {
            var name = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            return name switch
            {
                "timeFilter" => $"time >= {From.ToUnixTimeMilliseconds()}ms and time <= {To.ToUnixTimeMilliseconds()}ms",
                "__interval" => IntervalText(Interval),
                "__interval_ms" => ((long)Interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                _ when _variables.TryGetValue(name, out var variable) => Value(variable.Values, variable.Multi),
                _ => throw new InvalidOperationException($"{match.Value} has no value: set the variable first ({query})"),
            };
        });

    private static string Value(IReadOnlyList<string> values, bool multi)
    {
        if (!multi)
        {
            return values.Single();
        }
        var escaped = values.Select(EscapeRegex).ToList();
        return escaped.Count == 1 ? escaped[0] : $"({string.Join('|', escaped)})";
    }

    /// <summary>Grafana's escapeRegex (packages/grafana-data text.ts): every regex metacharacter and '/' get a backslash.</summary>
    public static string EscapeRegex(string value) => RegexMetacharacter().Replace(value, @"\$0");

    private static string IntervalText(TimeSpan interval) =>
        interval.TotalSeconds >= 1 && interval.TotalSeconds % 1 == 0
            ? $"{(long)interval.TotalSeconds}s"
            : $"{(long)interval.TotalMilliseconds}ms";

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableUse();

    [GeneratedRegex(@"[\\^$*+?.()|\[\]{}/]")]
    private static partial Regex RegexMetacharacter();
}
