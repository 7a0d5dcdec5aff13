using Storage.Schema;
using Collector.Rates;
using Storage.Samples;

namespace Collector.Node;

/// <summary>
/// The <c>system</c> measurement for this node: load1/5/15, cpu_pct (from /proc/stat deltas between two
/// cycles; absent on the first) and mem_used_pct. Unreadable files leave their fields out.
/// </summary>
public sealed class NodeSampler(IProcFiles proc)
{
    private CpuTimes? _previousCpu;

    public Sample Sample(string host, DateTimeOffset timestamp)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>(5);
        if (TryRead("/proc/loadavg") is { } loadText && NodeReadings.ParseLoadAverage(loadText) is { } load)
        {
            fields.Add(new(SystemFields.Load1, FieldValue.Of(load.One)));
            fields.Add(new(SystemFields.Load5, FieldValue.Of(load.Five)));
            fields.Add(new(SystemFields.Load15, FieldValue.Of(load.Fifteen)));
        }
        if (TryRead("/proc/stat") is { } statText && CpuTimes.Parse(statText) is { } cpu)
        {
            if (_previousCpu is { } before && CpuTimes.BusyPercent(before, cpu) is { } pct)
            {
                fields.Add(new(SystemFields.CpuPct, FieldValue.Of(pct)));
            }
            _previousCpu = cpu;
        }
        if (TryRead("/proc/meminfo") is { } memText && NodeReadings.ParseMemoryUsedPercent(memText) is { } mem)
        {
            fields.Add(new(SystemFields.MemUsedPct, FieldValue.Of(mem)));
        }
        return new Sample(Measurements.System, [new(Measurements.HostTag, host)], fields, timestamp);
    }

    private string? TryRead(string path)
    {
        try
        {
            return proc.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
