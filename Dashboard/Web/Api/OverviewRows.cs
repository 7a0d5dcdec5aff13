using Storage.Reading;
using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>Pure: turns the reader's catalogue (and sparklines) into overview rows and node freshness.</summary>
public static class OverviewRows
{
    public static string KindOf(string measurement) => measurement switch
    {
        Measurements.Frontend => "frontend",
        Measurements.Backend => "backend",
        Measurements.Server => "server",
        Measurements.Process => "process",
        Measurements.System => "system",
        _ => measurement,
    };

    public static string? MeasurementOf(string kind) => kind switch
    {
        "frontend" => Measurements.Frontend,
        "backend" => Measurements.Backend,
        "server" => Measurements.Server,
        "process" => Measurements.Process,
        "system" => Measurements.System,
        _ => StorageSchema.Find(kind)?.Name,
    };

    public static OverviewRow From(LatestSample sample, DateTimeOffset readAt, TimeSpan staleAfter, Sparkline? spark = null)
    {
        var measurement = sample.Series.Measurement;
        var stale = readAt - sample.Time > staleAfter;
        if (measurement is Measurements.Process or Measurements.System)
        {
            var node = new SortedDictionary<string, double?>(StringComparer.Ordinal);
            foreach (var (name, value) in sample.Fields)
            {
                if (value.AsDouble() is { } number)
                {
                    node[name] = number;
                }
            }
            return new OverviewRow(KindOf(measurement), measurement, sample.Series.Host, null, null, sample.Time.ToUnixTimeMilliseconds(), stale,
                Node: node, Version: sample.Text(ProcessFields.Version));
        }
        return new OverviewRow(KindOf(measurement), measurement, sample.Series.Host, sample.Series.Proxy, sample.Series.Server,
            sample.Time.ToUnixTimeMilliseconds(), stale,
            Status: sample.Text(ProxyFields.Status), CheckStatus: sample.Text(ProxyFields.CheckStatus), Up: sample.Number(ProxyFields.Up),
            Weight: sample.Number(ProxyFields.Weight), SessionsCurrent: sample.Number(ProxyFields.SessionsCurrent),
            SessionsLimit: sample.Number(ProxyFields.SessionsLimit), SessionsPct: sample.Number(ProxyFields.SessionsPct),
            SessionRate: sample.Number(ProxyFields.SessionRate), BytesInRate: sample.Number(ProxyFields.BytesInRate),
            BytesOutRate: sample.Number(ProxyFields.BytesOutRate), Http5xxRate: sample.Number(ProxyFields.Http5xxRate),
            QueueCurrent: sample.Number(ProxyFields.QueueCurrent), ResponseTimeMs: sample.Number(ProxyFields.ResponseTimeMs),
            ActiveServers: sample.Number(ProxyFields.ActiveServers), BackupServers: sample.Number(ProxyFields.BackupServers),
            SparkFromUnixMs: spark?.FromUnixMs, Spark: spark?.Values);
    }

    public static IReadOnlyList<HostState> Hosts(IEnumerable<OverviewRow> rows, DateTimeOffset readAt, TimeSpan staleAfter) =>
        rows.GroupBy(r => r.Host, StringComparer.Ordinal)
            .Select(g =>
            {
                var newest = g.Max(r => r.TimeUnixMs);
                return new HostState(g.Key, newest, readAt.ToUnixTimeMilliseconds() - newest > (long)staleAfter.TotalMilliseconds);
            })
            .OrderBy(h => h.Host, StringComparer.Ordinal)
            .ToList();
}
