using HAProxy.Logs;

namespace Alerter.Policy;

/// <summary>
/// The alert policy, pure: pending events + flap states + now in, alerts out. Severity, grouping per backend,
/// backend-down covering its servers, flap detection and maintenance windows. Routing is <see cref="AlertRouter"/>.
/// </summary>
public sealed class AlertPolicy(AlertPolicyOptions options)
{
    public AlertPolicyOptions Options { get; } = options;

    /// <param name="pending">Undispatched events in id order.</param>
    /// <param name="flapStates">Stored flap states of the servers in <paramref name="pending"/> and of every flapping server.</param>
    public PolicyDecision Evaluate(IReadOnlyList<PolicyEvent> pending, IReadOnlyDictionary<ServerKey, FlapState> flapStates, DateTimeOffset now)
    {
        var states = new Dictionary<ServerKey, FlapState>(flapStates);
        var changed = new HashSet<ServerKey>();
        var splits = pending
            .GroupBy(e => (e.Host, e.Proxy))
            .Select(backend => EventGrouper.Split(backend.ToList(), now, Options))
            .ToList();
        var chunks = splits.SelectMany(s => s.Released).OrderBy(chunk => chunk[0].Id).ToList();
        var nextReleaseAt = splits.Select(s => EventGrouper.ReleaseAt(s.Held, Options)).Min();
        var dispatched = new List<(long, AlertSeverity)>();
        var alerts = new List<Alert>();
        int silenced = 0, suppressed = 0;
        foreach (var chunk in chunks)
        {
            var reported = new List<PolicyEvent>();
            var startedFlapping = new List<(ServerKey Server, bool Silenced)>();
            var flapCovered = false;
            foreach (var e in chunk)
            {
                var severity = SeverityClassifier.Classify(e, Options);
                dispatched.Add((e.Id, severity));
                var isSilenced = Options.Silences.Any(s => s.Matches(e));
                var outcome = FlapOutcome.Normal;
                if (e.ServerKey is { } server)
                {
                    var before = states.GetValueOrDefault(server) ?? FlapState.Empty(server);
                    (var after, outcome) = FlapDetector.Apply(before, e, Options);
                    if (!ReferenceEquals(before, after))
                    {
                        states[server] = after;
                        changed.Add(server);
                    }
                    flapCovered |= outcome is FlapOutcome.StartedFlapping or FlapOutcome.Suppressed;
                    if (outcome == FlapOutcome.StartedFlapping)
                    {
                        startedFlapping.Add((server, isSilenced));
                    }
                }
                if (isSilenced)
                {
                    silenced++;
                }
                else if (outcome == FlapOutcome.Suppressed)
                {
                    suppressed++;
                }
                else if (outcome == FlapOutcome.Normal)
                {
                    reported.Add(e);
                }
            }
            // A server that starts flapping in this group is reported once, as flapping, not transition by transition.
            var flapping = startedFlapping.Select(f => f.Server).ToHashSet();
            suppressed += reported.RemoveAll(e => e.ServerKey is { } s && flapping.Contains(s));
            // A backend emptied only by flapping servers flaps with them: the flapping alert covers its "no server
            // available" events (else the last server of a backend flapping pages critical at every group).
            if (flapCovered && reported.All(e => e.Server is null))
            {
                suppressed += reported.RemoveAll(e => e.Kind == LogEventKind.BackendNoServerAvailable);
            }
            if (reported.Count > 0)
            {
                alerts.Add(GroupAlert(reported, now));
            }
            foreach (var (server, isSilenced) in startedFlapping.Where(f => !f.Silenced))
            {
                alerts.Add(FlappingAlert(states[server], chunk.Where(e => e.ServerKey == server).ToList(), now));
            }
        }
        foreach (var state in states.Values.Where(s => FlapDetector.IsStableAgain(s, now, Options)).OrderBy(s => s.LastChange).ToList())
        {
            alerts.Add(StableAlert(state, now));
            states[state.Server] = FlapDetector.Reset(state);
            changed.Add(state.Server);
        }
        return new PolicyDecision(dispatched, alerts, changed.Select(s => states[s]).ToList(), silenced, suppressed, nextReleaseAt);
    }

    private Alert GroupAlert(List<PolicyEvent> events, DateTimeOffset now)
    {
        var kind = events.Any(e => e.Kind == LogEventKind.BackendNoServerAvailable) ? AlertKind.BackendDown
            : events.All(e => e.Server is null) ? AlertKind.ProxyNotice
            : AlertKind.Transitions;
        return new Alert
        {
            Key = AlertKeys.From(kind.ToString(), events.Select(e => e.Key)),
            Kind = kind,
            Severity = events.Max(e => SeverityClassifier.Classify(e, Options)),
            Host = events[0].Host,
            Proxy = events[0].Proxy,
            Server = events.Select(e => e.Server).Distinct().Count() == 1 ? events[0].Server : null,
            Events = events,
            DecidedAt = now,
        };
    }

    private Alert FlappingAlert(FlapState state, List<PolicyEvent> events, DateTimeOffset now) => new()
    {
        Key = AlertKeys.From(nameof(AlertKind.Flapping), events.Select(e => e.Key)),
        Kind = AlertKind.Flapping,
        Severity = Options.FlappingSeverity,
        Host = state.Server.Host,
        Proxy = state.Server.Proxy,
        Server = state.Server.Server,
        Events = events,
        DecidedAt = now,
        FlapChanges = state.Changes.Count,
        LastChange = state.LastChange,
    };

    private static Alert StableAlert(FlapState state, DateTimeOffset now) => new()
    {
        Key = AlertKeys.From(nameof(AlertKind.StableAgain), [state.Server.ToString(), state.LastChange!.Value.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)]),
        Kind = AlertKind.StableAgain,
        Severity = state.LastKind == nameof(LogEventKind.ServerDown) ? AlertSeverity.Warning : AlertSeverity.Recovery,
        Host = state.Server.Host,
        Proxy = state.Server.Proxy,
        Server = state.Server.Server,
        Events = [],
        DecidedAt = now,
        StableState = state.LastKind == nameof(LogEventKind.ServerDown) ? "DOWN" : "UP",
        LastChange = state.LastChange,
    };
}
