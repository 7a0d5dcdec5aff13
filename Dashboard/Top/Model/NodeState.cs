namespace Dashboard.Top.Model;

/// <summary>The viewer's knowledge of one endpoint.</summary>
/// <param name="Endpoint">As given on the command line.</param>
/// <param name="Snapshot">The last successful poll, or null while connecting or reconnecting (never stale numbers).</param>
/// <param name="Health">Connecting, live or reconnecting.</param>
/// <param name="Error">The last poll's error, if it failed.</param>
/// <param name="LastAttempt">When the last poll ended, successful or not.</param>
/// <param name="PidChange">The last process change seen (reload or restart), for the header.</param>
public sealed record NodeState(
    string Endpoint,
    NodeSnapshot? Snapshot,
    NodeHealth Health,
    string? Error,
    DateTimeOffset? LastAttempt,
    PidChange? PidChange)
{
    public static NodeState Connecting(string endpoint) => new(endpoint, null, NodeHealth.Connecting, null, null, null);

    /// <summary>Pid of the last process seen, kept across failed polls to detect a change.</summary>
    public int? LastPid { get; init; }
}
