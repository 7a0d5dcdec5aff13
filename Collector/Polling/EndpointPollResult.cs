using Collector.Rates;
using HAProxy.Sockets;

namespace Collector.Polling;

/// <summary>The outcome of one endpoint's poll, failures included, as a value.</summary>
public sealed record EndpointPollResult(
    ResolvedEndpoint Endpoint,
    DateTimeOffset Started,
    TimeSpan Duration,
    SampledCycle? Cycle,
    int? Pid,
    string? Error,
    StatsSocketError? ErrorKind)
{
    public bool Succeeded => Cycle is not null;
}
