using HAProxy.Rates;
using HAProxy.Sockets;

namespace HAProxy.Polling;

/// <summary>The outcome of one poll of one endpoint, failures included, as a value.</summary>
/// <param name="Started">When the poll began.</param>
/// <param name="Duration">From the first command sent to the last reply parsed (or the failure).</param>
/// <param name="Sample">What the process said, or null when the poll failed.</param>
/// <param name="ConnectionGeneration">The session's reconnect count when the stats were read.</param>
/// <param name="Error">Why the poll failed, in words for a log or a status line.</param>
/// <param name="ErrorKind">The socket error, when it was one.</param>
public sealed record EndpointPoll(
    DateTimeOffset Started,
    TimeSpan Duration,
    StatSample? Sample,
    long ConnectionGeneration,
    string? Error,
    StatsSocketError? ErrorKind)
{
    public bool Succeeded => Sample is not null;
}
