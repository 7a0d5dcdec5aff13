namespace Collector.Health;

/// <summary>Everything the health endpoint and the <c>monitoring_collector</c> measurement report.</summary>
public sealed record StatusReport(
    string Node,
    DateTimeOffset Now,
    TimeSpan Interval,
    long Cycles,
    DateTimeOffset? LastCycle,
    double LastCycleDurationMs,
    IReadOnlyList<EndpointStatus> Endpoints,
    IReadOnlyList<SinkReport> Sinks)
{
    /// <summary>Healthy when every endpoint succeeded within <paramref name="staleAfter"/>, no sink is failing longer than that, and none says it is degraded.</summary>
    public bool IsHealthy(TimeSpan staleAfter) =>
        Endpoints.All(e => e.LastSuccess is { } ok && Now - ok <= staleAfter)
        && Sinks.All(s => !s.Status.Degraded && (s.Status.LastError is null || (s.Status.LastSuccess is { } ok && Now - ok <= staleAfter)));
}
