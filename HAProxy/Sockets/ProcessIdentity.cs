namespace HAProxy.Sockets;

/// <summary>Which HAProxy process answered: a change means counters were reset.</summary>
/// <param name="Pid">The process id from <c>show info</c>.</param>
/// <param name="StartTimeUnixSeconds">Start_time_sec from <c>show info</c> (0 when unknown), to tell pid reuse apart.</param>
public readonly record struct ProcessIdentity(int Pid, long StartTimeUnixSeconds);
