using HAProxy.Fields;
using static Storage.Schema.SchemaFieldType;

namespace Storage.Schema;

/// <summary>
/// The storage schema as data: every measurement, tag and field with its type, unit and description, the same in
/// SQLite and InfluxDB. Proxy-row fields are HAProxy's columns (<see cref="FieldCatalogue"/>: kind, unit, meaning) under
/// the names <see cref="ProxyColumns"/> gives them, plus two computed ones; the other measurements are declared
/// here. docs/schema.md is checked against this table both ways (tests/Storage.Tests/Schema).
/// </summary>
public static class StorageSchema
{
    private static readonly string[] ProxyTags = [Measurements.HostTag, Measurements.ProxyTag];
    private static readonly string[] ServerTags = [Measurements.HostTag, Measurements.ProxyTag, Measurements.ServerTag];

    public static IReadOnlyList<MeasurementSchema> All { get; } =
    [
        new(Measurements.Frontend, "frontend row (type 0) per poll", ProxyTags, ProxyRowFields(FieldScope.Frontend)),
        new(Measurements.Backend, "backend row (type 1) per poll", ProxyTags, ProxyRowFields(FieldScope.Backend)),
        new(Measurements.Server, "server row (type 2) per poll", ServerTags, ProxyRowFields(FieldScope.Server)),
        new(Measurements.Process, "show info per poll", [Measurements.HostTag],
        [
            new(ProcessFields.UptimeS, Integer, "s", "Seconds since the process started (Uptime_sec)"),
            new(ProcessFields.CurrentConnections, Integer, "connections", "Current connections (CurrConns)"),
            new(ProcessFields.ConnectionRate, Integer, "connections/s", "Connections over the last second (ConnRate, HAProxy's own)"),
            new(ProcessFields.SessionRate, Integer, "sessions/s", "Sessions over the last second (SessRate, HAProxy's own)"),
            new(ProcessFields.MaxConnections, Integer, "connections", "Configured connection limit (Maxconn)"),
            new(ProcessFields.IdlePct, Float, "%", "Share of time the process was idle (Idle_pct)"),
            new(ProcessFields.RunQueue, Integer, "tasks", "Tasks waiting to run (Run_queue)"),
            new(ProcessFields.Tasks, Integer, "tasks", "Tasks (Tasks)"),
            new(ProcessFields.Pid, Integer, "-", "Process id (Pid)"),
            new(ProcessFields.Version, SchemaFieldType.String, "-", "HAProxy version (Version)"),
            new(ProcessFields.Stopping, Integer, "-", "1 while the process is stopping after a reload (Stopping)"),
        ]),
        new(Measurements.System, "the Collector's node per cycle", [Measurements.HostTag],
        [
            new(SystemFields.Load1, Float, "runnable tasks", "Load average over 1 minute (/proc/loadavg)"),
            new(SystemFields.Load5, Float, "runnable tasks", "Load average over 5 minutes (/proc/loadavg)"),
            new(SystemFields.Load15, Float, "runnable tasks", "Load average over 15 minutes (/proc/loadavg)"),
            new(SystemFields.CpuPct, Float, "%", "Busy share of the CPU ticks between two cycles (/proc/stat; absent on the first)"),
            new(SystemFields.MemUsedPct, Float, "%", "(MemTotal - MemAvailable) / MemTotal (/proc/meminfo)"),
        ]),
        new(Measurements.Collector, "cycle, endpoint and sink per cycle", [Measurements.HostTag, Measurements.EndpointTag, Measurements.SinkTag],
        [
            new(CollectorFields.CyclesTotal, Integer, "cycles", "Cycles since start"),
            new(CollectorFields.CycleDurationMs, Float, "ms", "Duration of the previous cycle (polls and sink writes)"),
            new(CollectorFields.Endpoints, Integer, "endpoints", "Endpoints polled"),
            new(CollectorFields.PollOk, Integer, "-", "1 when the endpoint's last poll succeeded"),
            new(CollectorFields.PollDurationMs, Float, "ms", "Duration of the endpoint's last poll (show info + show stat)"),
            new(CollectorFields.Samples, Integer, "points", "Points produced by the endpoint's last poll"),
            new(CollectorFields.PollsTotal, Integer, "polls", "Polls of the endpoint since start"),
            new(CollectorFields.PollFailuresTotal, Integer, "polls", "Failed polls of the endpoint since start"),
            new(CollectorFields.LastSuccessAgeS, Float, "s", "Age of the endpoint's last successful poll"),
            new(CollectorFields.Error, SchemaFieldType.String, "-", "Last error of the endpoint or sink (only when failing)"),
            new(CollectorFields.SinkOk, Integer, "-", "1 when the sink's last write had no error"),
            new(CollectorFields.PointsWrittenTotal, Integer, "points", "Points the sink wrote since start"),
            new(CollectorFields.SpoolPoints, Integer, "points", "Points waiting in the sink's durable spool"),
            new(CollectorFields.SpoolBytes, Integer, "bytes", "Bytes waiting in the sink's durable spool"),
            new(CollectorFields.DroppedPointsTotal, Integer, "points", "Points lost (spool bound hit, or a failed write of the embedded store)"),
            new(CollectorFields.DatabaseBytes, Float, "bytes", "SQLite only: database plus WAL size"),
            new(CollectorFields.RollupOpenSeries, Float, "series", "SQLite only: series with an open 1-minute roll-up"),
            new(CollectorFields.StoreReopensTotal, Float, "reopens", "SQLite only: times the store was found deleted, replaced or truncated under the Collector and reopened, since start"),
        ]),
        new(Measurements.Event, "state transition (written by the Alerter)",
            [Measurements.HostTag, Measurements.ProxyTag, Measurements.ServerTag, Measurements.KindTag, Measurements.SeverityTag],
        [
            new(EventFields.Message, SchemaFieldType.String, "-", "The log text of the transition"),
            new(EventFields.ActiveLeft, Integer, "servers", "Active servers left in the backend"),
            new(EventFields.BackupLeft, Integer, "servers", "Backup servers left in the backend"),
            new(EventFields.Reason, SchemaFieldType.String, "-", "Why (the check's reason, or the admin action)"),
        ]),
    ];

    private static readonly Dictionary<string, MeasurementSchema> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static MeasurementSchema? Find(string measurement) => ByName.GetValueOrDefault(measurement);

    /// <summary>The measurement, or an exception naming it: for code that would otherwise spell a name the schema lacks.</summary>
    public static MeasurementSchema Get(string measurement) =>
        Find(measurement) ?? throw new ArgumentException($"'{measurement}' is not a measurement of the storage schema (docs/schema.md).", nameof(measurement));

    private static SchemaField[] ProxyRowFields(FieldScope scope)
    {
        var fields = new List<SchemaField>();
        foreach (var column in FieldCatalogue.All)
        {
            if ((column.Scope & scope) == 0)
            {
                continue;
            }
            if (ProxyColumns.Find(column.Name) is not { } storedColumn)
            {
                continue;
            }
            if (storedColumn.StoredAs is { } stored)
            {
                var type = column.Kind == FieldKind.Output ? SchemaFieldType.String : Integer;
                fields.Add(new(stored, type, Unit(column.Unit), column.Description));
            }
            if (storedColumn.RateAs is { } rate)
            {
                fields.Add(new(rate, Float, $"{column.Unit}/s", column.Description + ", per second"));
            }
        }
        fields.Add(new(ProxyFields.SessionsPct, Float, "%", "Sessions as a share of the limit (scur/slim x 100 when slim > 0)"));
        fields.Add(new(ProxyFields.Up, Integer, "-", "1 for UP*, OPEN, FULL, DRAIN, NOLB, no check; 0 for DOWN*, MAINT*, STOP"));
        return fields.ToArray();
    }

    private static string Unit(string unit) => unit.Length == 0 ? "-" : unit;
}
