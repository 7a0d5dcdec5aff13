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
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, node,
                sample.Text(ProcessFields.Version), null, null);
        }
        return new OverviewRow(KindOf(measurement), measurement, sample.Series.Host, sample.Series.Proxy, sample.Series.Server,
            sample.Time.ToUnixTimeMilliseconds(), stale,
            sample.Text(ProxyFields.Status), sample.Text(ProxyFields.CheckStatus), sample.Number(ProxyFields.Up),
            sample.Number(ProxyFields.Weight), sample.Number(ProxyFields.SessionsCurrent), sample.Number(ProxyFields.SessionsLimit),
            sample.Number(ProxyFields.SessionsPct), sample.Number(ProxyFields.SessionRate), sample.Number(ProxyFields.BytesInRate),
            sample.Number(ProxyFields.BytesOutRate), sample.Number(ProxyFields.Http5xxRate), sample.Number(ProxyFields.QueueCurrent),
            sample.Number(ProxyFields.ResponseTimeMs), sample.Number(ProxyFields.ActiveServers), sample.Number(ProxyFields.BackupServers),
            null, null, spark?.FromUnixMs, spark?.Values);
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
