using Storage.Schema;
using Storage.Samples;
using HAProxy.Info;

namespace Collector.Rates;

/// <summary>The <c>haproxy_process</c> sample from one <c>show info</c> reply.</summary>
public static class ProcessSampler
{
    public static Sample Build(StatsSnapshot snapshot)
    {
        var info = snapshot.Info;
        var fields = new List<KeyValuePair<string, FieldValue>>(12);
        Add(fields, "uptime_s", info.UptimeSeconds);
        Add(fields, "current_connections", info.CurrentConnections);
        Add(fields, "connection_rate", info.ConnectionRate);
        Add(fields, "session_rate", info.SessionRate);
        Add(fields, "max_connections", info.MaxConnections);
        if (info.IdlePct is { } idle)
        {
            fields.Add(new("idle_pct", FieldValue.Of(idle)));
        }
        Add(fields, "run_queue", info.RunQueue);
        Add(fields, "tasks", info.Tasks);
        Add(fields, "pid", info.Pid);
        if (info.Version is { } version)
        {
            fields.Add(new("version", FieldValue.Of(version)));
        }
        fields.Add(new("stopping", FieldValue.Of(info.Stopping ? 1L : 0L)));
        return new Sample(Measurements.Process, [new(Measurements.HostTag, snapshot.Host)], fields, snapshot.Timestamp);
    }

    private static void Add(List<KeyValuePair<string, FieldValue>> fields, string name, long? value)
    {
        if (value is { } v)
        {
            fields.Add(new(name, FieldValue.Of(v)));
        }
    }
}
