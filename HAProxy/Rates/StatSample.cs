using HAProxy.Info;
using HAProxy.Stats;

namespace HAProxy.Rates;

/// <summary>One poll of one endpoint as the rate maths needs it: the process that answered, its stats, and when.</summary>
/// <param name="Timestamp">When <c>show stat</c> was sent.</param>
/// <param name="Info">The parsed <c>show info</c> reply of the same process.</param>
/// <param name="Stats">The parsed <c>show stat</c> reply.</param>
public sealed record StatSample(DateTimeOffset Timestamp, ProcessInfo Info, StatTable Stats);
