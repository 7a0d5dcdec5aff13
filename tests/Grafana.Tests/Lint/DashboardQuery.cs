namespace Grafana.Tests.Lint;

/// <summary>One InfluxQL statement of a dashboard, as stored (macros and variables not substituted).</summary>
/// <param name="Owner">The panel title, variable name or annotation name, for messages.</param>
/// <param name="IsTable">A target with <c>resultFormat: table</c>: one row per series over the whole range, no time buckets.</param>
public sealed record DashboardQuery(string Dashboard, QueryKind Kind, string Owner, string RefId, string Text, bool IsTable)
{
    public override string ToString() => $"{Dashboard}: {Kind} '{Owner}' {RefId}: {Text}";
}
