using System.Collections.Concurrent;
using Collector.Polling;
using Storage.Samples;

namespace Collector.Health;

/// <summary>The Collector's own numbers, updated by every cycle and read by the health endpoint.</summary>
public sealed class CollectorStatus(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EndpointStatus> _endpoints = new(StringComparer.Ordinal);
    private long _cycles;
    private DateTimeOffset? _lastCycle;
    private double _lastCycleMs;

    public void Record(EndpointPollResult result)
    {
        _endpoints.AddOrUpdate(
            result.Endpoint.Key,
            _ => Next(null, result),
            (_, before) => Next(before, result));
    }

    /// <summary>Forgets endpoints that are no longer configured or whose socket disappeared from a glob.</summary>
    public void Retain(IReadOnlyCollection<string> keys)
    {
        foreach (var key in _endpoints.Keys)
        {
            if (!keys.Contains(key))
            {
                _endpoints.TryRemove(key, out _);
            }
        }
    }

    public void RecordCycle(DateTimeOffset started, TimeSpan duration)
    {
        Interlocked.Increment(ref _cycles);
        _lastCycle = started;
        _lastCycleMs = duration.TotalMilliseconds;
    }

    public StatusReport Report(string node, TimeSpan interval, IEnumerable<ISampleSink> sinks) => new(
        node,
        time.GetUtcNow(),
        interval,
        Interlocked.Read(ref _cycles),
        _lastCycle,
        _lastCycleMs,
        _endpoints.Values.OrderBy(e => e.Host, StringComparer.Ordinal).ToArray(),
        sinks.Select(SafeReport).ToArray());

    private static SinkReport SafeReport(ISampleSink sink)
    {
        try
        {
            return new SinkReport(sink.GetStatus(), sink is ISinkMetrics metrics ? metrics.GetMetrics() : []);
        }
        catch (Exception ex)
        {
            return new SinkReport(new SinkStatus(sink.Name, 0, 0, 0, 0, null, $"status unavailable: {ex.Message}"), []);
        }
    }

    private static EndpointStatus Next(EndpointStatus? before, EndpointPollResult result) => new(
        result.Endpoint.Endpoint.ToString(),
        result.Endpoint.Host,
        result.Started,
        result.Succeeded ? result.Started : before?.LastSuccess,
        result.Duration.TotalMilliseconds,
        result.Error,
        result.ErrorKind?.ToString(),
        result.Pid ?? before?.Pid,
        result.Cycle?.Samples.Count ?? 0,
        (before?.Polls ?? 0) + 1,
        (before?.Failures ?? 0) + (result.Succeeded ? 0 : 1));
}
