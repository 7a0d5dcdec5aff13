using HAProxy.Logs;

namespace Alerter.Policy;

/// <summary>
/// What the Collector's samples confirm, as plain values for the policy: servers the store shows DOWN, and backends
/// it shows with no active server, each for the last <see cref="OutageSamples.Consecutive"/> samples. The log is
/// text anyone who can write to the syslog socket can forge; the samples come from HAProxy's stats socket. So the
/// numbers may lift flap suppression of an outage the log reports, and never hold an alert back.
/// </summary>
public sealed record OutageEvidence(IReadOnlySet<ServerKey> ServersDown, IReadOnlySet<BackendKey> BackendsEmpty)
{
    /// <summary>No store, or nothing confirmed: the log alone decides.</summary>
    public static OutageEvidence None { get; } = new(new HashSet<ServerKey>(), new HashSet<BackendKey>());

    /// <summary>Whether an outage event can be confirmed by the numbers at all (what is worth holding for them).</summary>
    public static bool IsOutage(PolicyEvent e) => e.Kind is LogEventKind.ServerDown or LogEventKind.BackendNoServerAvailable;

    /// <summary>
    /// True when the samples confirm what <paramref name="e"/> reports: the backend empty, or the server DOWN (a
    /// backend without an active server confirms each of its servers DOWN too).
    /// </summary>
    public bool Confirms(PolicyEvent e) => e.Kind switch
    {
        LogEventKind.BackendNoServerAvailable => BackendsEmpty.Contains(new BackendKey(e.Host, e.Proxy)),
        LogEventKind.ServerDown => (e.ServerKey is { } server && ServersDown.Contains(server)) || BackendsEmpty.Contains(new BackendKey(e.Host, e.Proxy)),
        _ => false,
    };
}
