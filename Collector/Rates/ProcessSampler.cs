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
        Add(fields, ProcessFields.UptimeS, info.UptimeSeconds);
        Add(fields, ProcessFields.CurrentConnections, info.CurrentConnections);
        Add(fields, ProcessFields.ConnectionRate, info.ConnectionRate);
        Add(fields, ProcessFields.SessionRate, info.SessionRate);
        Add(fields, ProcessFields.MaxConnections, info.MaxConnections);
        if (info.IdlePct is { } idle)
        {
            fields.Add(new(ProcessFields.IdlePct, FieldValue.Of(idle)));
        }
        Add(fields, ProcessFields.RunQueue, info.RunQueue);
        Add(fields, ProcessFields.Tasks, info.Tasks);
        Add(fields, ProcessFields.Pid, info.Pid);
        if (info.Version is { } version)
        {
            fields.Add(new(ProcessFields.Version, FieldValue.Of(version)));
        }
        fields.Add(new(ProcessFields.Stopping, FieldValue.Of(info.Stopping ? 1L : 0L)));
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
