using HAProxy.Rates;
using Storage.Samples;

namespace Collector.Rates;

/// <summary>The samples of one endpoint poll and whether rates could be computed.</summary>
public sealed record SampledCycle(IReadOnlyList<Sample> Samples, Continuity Continuity);
