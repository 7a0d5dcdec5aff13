using HAProxy.Rates;
using Storage.Samples;

namespace Collector.Rates;

/// <summary>
/// Pure: one endpoint's previous and current snapshots in, the cycle's samples out. Rates only between two
/// snapshots of the same process life (<see cref="CounterDeltas"/>); the first poll of a process writes gauges only.
/// </summary>
public static class SnapshotSampler
{
    public static SampledCycle Sample(StatsSnapshot? previous, StatsSnapshot current)
    {
        var deltas = CounterDeltas.Between(previous?.Sample, current.Sample);
        var samples = new List<Sample>(current.Stats.Count + 1) { ProcessSampler.Build(current) };
        ProxyRowSampler.AddRows(deltas, current, samples);
        return new SampledCycle(samples, deltas.Continuity);
    }
}
