using HAProxy.Info;
using HAProxy.Rates;
using HAProxy.Stats;

namespace Collector.Rates;

/// <summary>
/// What one poll of one endpoint saw: <c>show info</c> and <c>show stat</c>, the real time the stats were
/// asked for, and the session's connection generation. The input of the pure rate maths.
/// </summary>
/// <param name="Host">The <c>host</c> tag of the endpoint.</param>
/// <param name="Timestamp">When <c>show stat</c> was sent (the sample time).</param>
/// <param name="Info">The parsed <c>show info</c> reply.</param>
/// <param name="Stats">The parsed <c>show stat</c> reply.</param>
/// <param name="ConnectionGeneration">The session's reconnect count when the stats were read.</param>
public sealed record StatsSnapshot(
    string Host,
    DateTimeOffset Timestamp,
    ProcessInfo Info,
    StatTable Stats,
    long ConnectionGeneration)
{
    /// <summary>What the shared rate rule reads.</summary>
    public StatSample Sample { get; } = new(Timestamp, Info, Stats);
}
