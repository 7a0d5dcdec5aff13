namespace Alerter.Policy;

/// <summary>The working state of one <see cref="AlertPolicy.Evaluate(PolicyInput, DateTimeOffset)"/> run: flap states as they evolve, and what it decided so far.</summary>
internal sealed class PolicyRun(PolicyInput input, DateTimeOffset now)
{
    private readonly List<(long EventId, AlertSeverity Severity)> _dispatched = [];
    private readonly Dictionary<long, int> _dispatchedIndex = [];
    private readonly HashSet<ServerKey> _changed = [];

    public DateTimeOffset Now { get; } = now;

    public OutageEvidence Evidence { get; } = input.Evidence;

    public Dictionary<ServerKey, FlapState> States { get; } = new(input.FlapStates);

    public List<Alert> Alerts { get; } = [];

    public List<PolicyEvent> Unconfirmed { get; } = [];

    public int Silenced { get; set; }

    public int Suppressed { get; set; }

    public int Repeated { get; set; }

    public int Confirmed { get; set; }

    /// <summary>Records the event as dispatched with <paramref name="severity"/> (a later call for the same event replaces it).</summary>
    public void Dispatch(PolicyEvent e, AlertSeverity severity)
    {
        if (_dispatchedIndex.TryGetValue(e.Id, out var index))
        {
            _dispatched[index] = (e.Id, severity);
            return;
        }
        _dispatchedIndex[e.Id] = _dispatched.Count;
        _dispatched.Add((e.Id, severity));
    }

    /// <summary>Runs flap detection for a server event and keeps the state it leaves; events without a server are normal.</summary>
    public FlapOutcome ApplyFlap(PolicyEvent e, AlertPolicyOptions options)
    {
        if (e.ServerKey is not { } server)
        {
            return FlapOutcome.Normal;
        }
        var before = States.GetValueOrDefault(server) ?? FlapState.Empty(server);
        var (after, outcome) = FlapDetector.Apply(before, e, options);
        if (!ReferenceEquals(before, after))
        {
            Replace(after);
        }
        return outcome;
    }

    public bool IsFlapping(ServerKey? server) => server is { } key && States.TryGetValue(key, out var state) && state.Flapping;

    public void Replace(FlapState state)
    {
        States[state.Server] = state;
        _changed.Add(state.Server);
    }

    public PolicyDecision Decision(DateTimeOffset? nextReleaseAt) => new(
        _dispatched, Alerts, _changed.Select(s => States[s]).ToList(), Silenced, Suppressed, nextReleaseAt, Repeated, Unconfirmed, Confirmed);
}
