using Storage.Schema;

namespace Dashboard.Web.Api;

/// <summary>
/// The charts of the drill-down pages, per measurement, named by the schema's constants so that the page never spells
/// a stored field (it reads them from <c>/api/schema</c>). A chart lists the fields of every proxy row; each
/// measurement keeps those it has (a frontend has no queue) and drops a chart left with none.
/// </summary>
public static class ChartSpecs
{
    private static readonly ChartSpec[] ProxyRow =
    [
        new("Bytes in / out", "B/s", [new(ProxyFields.BytesInRate, "in"), new(ProxyFields.BytesOutRate, "out")]),
        new("Sessions", "sessions", [new(ProxyFields.SessionsCurrent, "current"), new(ProxyFields.SessionsLimit, "limit")]),
        new("Session and request rate", "/s", [new(ProxyFields.SessionRate, "sessions/s"), new(ProxyFields.RequestRate, "requests/s")]),
        new("HTTP responses by class", "/s",
        [
            new(ProxyFields.Http1xxRate, "1xx"), new(ProxyFields.Http2xxRate, "2xx"), new(ProxyFields.Http3xxRate, "3xx"),
            new(ProxyFields.Http4xxRate, "4xx"), new(ProxyFields.Http5xxRate, "5xx"), new(ProxyFields.HttpOtherRate, "other"),
        ]),
        new("Errors", "/s",
        [
            new(ProxyFields.ConnectionErrorRate, "connection"), new(ProxyFields.ResponseErrorRate, "response"),
            new(ProxyFields.RetryRate, "retries"), new(ProxyFields.RedispatchRate, "redispatches"),
            new(ProxyFields.DeniedRequestRate, "denied"), new(ProxyFields.RequestErrorRate, "request"),
        ]),
        new("Queue", "requests / ms", [new(ProxyFields.QueueCurrent, "current"), new(ProxyFields.QueueTimeMs, "queue time ms")]),
        new("Connect, response and total time", "ms",
            [new(ProxyFields.ConnectTimeMs, "connect"), new(ProxyFields.ResponseTimeMs, "response"), new(ProxyFields.TotalTimeMs, "total")]),
    ];

    private static readonly ChartSpec BackendServers =
        new("Active and backup servers", "servers", [new(ProxyFields.ActiveServers, "active"), new(ProxyFields.BackupServers, "backup")]);

    private static readonly ChartSpec[] Process =
    [
        new("Connections", "connections", [new(ProcessFields.CurrentConnections, "current"), new(ProcessFields.MaxConnections, "limit")]),
        new("Connection and session rate", "/s", [new(ProcessFields.ConnectionRate, "connections/s"), new(ProcessFields.SessionRate, "sessions/s")]),
        new("Idle", "%", [new(ProcessFields.IdlePct, "idle %")]),
        new("Run queue and tasks", "tasks", [new(ProcessFields.RunQueue, "run queue"), new(ProcessFields.Tasks, "tasks")]),
    ];

    private static readonly ChartSpec[] System =
    [
        new("Load", "", [new(SystemFields.Load1, "load 1"), new(SystemFields.Load5, "load 5"), new(SystemFields.Load15, "load 15")]),
        new("CPU and memory", "%", [new(SystemFields.CpuPct, "CPU %"), new(SystemFields.MemUsedPct, "memory used %")]),
    ];

    /// <summary>The charts declared for a measurement's page, before <see cref="For"/> keeps the fields it has; empty for one without a page.</summary>
    public static IReadOnlyList<ChartSpec> Declared(string measurement) => measurement switch
    {
        Measurements.Frontend or Measurements.Server => ProxyRow,
        Measurements.Backend => [BackendServers, .. ProxyRow],
        Measurements.Process => Process,
        Measurements.System => System,
        _ => [],
    };

    /// <summary>The charts of a measurement's page, with only the numeric fields it has; empty for one without a page.</summary>
    public static IReadOnlyList<ChartSpec> For(MeasurementSchema measurement)
    {
        var numeric = measurement.Fields.Where(f => f.Type != SchemaFieldType.String).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return Declared(measurement.Name)
            .Select(c => c with { Fields = c.Fields.Where(f => numeric.Contains(f.Name)).ToList() })
            .Where(c => c.Fields.Count > 0)
            .ToList();
    }
}
