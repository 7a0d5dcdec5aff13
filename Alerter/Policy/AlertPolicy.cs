using HAProxy.Logs;

namespace Alerter.Policy;

/// <summary>
/// The alert policy, pure: pending events + flap states + what the numbers confirm + now in, alerts out. Severity,
/// grouping per backend, backend-down covering its servers, repeated states, flap detection, outages the numbers
/// confirm, and maintenance windows. Routing is <see cref="AlertRouter"/>.
/// </summary>
public sealed partial class AlertPolicy(AlertPolicyOptions options)
{
    public AlertPolicyOptions Options { get; } = options;

    /// <summary>The log alone decides (no store connected, nothing held).</summary>
    /// <param name="pending">Undispatched events in id order.</param>
    /// <param name="flapStates">Stored flap states of the servers in <paramref name="pending"/> and of every flapping server.</param>
    public PolicyDecision Evaluate(IReadOnlyList<PolicyEvent> pending, IReadOnlyDictionary<ServerKey, FlapState> flapStates, DateTimeOffset now)
        => Evaluate(new PolicyInput(pending, flapStates, [], OutageEvidence.None), now);

    public PolicyDecision Evaluate(PolicyInput input, DateTimeOffset now)
    {
        var run = new PolicyRun(input, now);
        var splits = input.Pending
            .GroupBy(e => (e.Host, e.Proxy))
            .Select(backend => EventGrouper.Split(backend.ToList(), now, Options))
            .ToList();
        foreach (var chunk in splits.SelectMany(s => s.Released).OrderBy(chunk => chunk[0].Id))
        {
            EvaluateGroup(chunk, run);
        }
        ReleaseConfirmed(input.Unconfirmed, run);
        AlertStableAgain(run);
        return run.Decision(splits.Select(s => EventGrouper.ReleaseAt(s.Held, Options)).Min());
    }

    /// <summary>
    /// Outage events an earlier run hid because their servers flap: paged once the numbers confirm them; dropped when
    /// the log has moved on (a later change of the server, a server of the backend UP again) or after
    /// <see cref="AlertPolicyOptions.FlapStableAfter"/>, when the "stable again" message reports the state anyway.
    /// </summary>
    private void ReleaseConfirmed(IReadOnlyList<PolicyEvent> unconfirmed, PolicyRun run)
    {
        foreach (var backend in unconfirmed.GroupBy(e => (e.Host, e.Proxy)))
        {
            var live = backend.Where(e => run.Now - e.Time < Options.FlapStableAfter && !Superseded(e, run)).OrderBy(e => e.Id).ToList();
            var confirmed = live.Where(run.Evidence.Confirms).ToList();
            if (confirmed.Count > 0)
            {
                run.Alerts.Add(GroupAlert(confirmed, run.Now));
                run.Confirmed += confirmed.Count;
            }
            run.Unconfirmed.AddRange(live.Except(confirmed));
        }
    }

    private static bool Superseded(PolicyEvent e, PolicyRun run) => e.ServerKey is { } server
        ? run.States.TryGetValue(server, out var state) && state.LastChange > e.Time
        : run.States.Values.Any(s => s.Server.Host == e.Host && s.Server.Proxy == e.Proxy && s.LastKind == LogEventKind.ServerUp && s.LastChange > e.Time);

    private void AlertStableAgain(PolicyRun run)
    {
        foreach (var state in run.States.Values.Where(s => FlapDetector.IsStableAgain(s, run.Now, Options)).OrderBy(s => s.LastChange).ToList())
        {
            run.Alerts.Add(StableAlert(state, run.Now));
            run.Replace(FlapDetector.Reset(state));
        }
    }
}
