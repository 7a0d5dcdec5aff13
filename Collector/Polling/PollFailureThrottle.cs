namespace Collector.Polling;

/// <summary>
/// Which poll failures are worth a log line, pure: an endpoint's first failure of a kind, then the same failure
/// at most once per <see cref="Every"/> (saying how many polls failed since), and its recovery once. A socket the
/// Collector may not open fails at every poll, and a line every 10 s buries everything else in the log; the
/// state stays visible at every poll in <c>/status</c>.
/// </summary>
public sealed class PollFailureThrottle
{
    /// <summary>How often a failure that goes on is repeated in the log: 10 minutes.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);

    /// <summary>
    /// A failure of <paramref name="endpoint"/> at <paramref name="now"/>: null when it should not be logged,
    /// otherwise how many failures of this kind were not logged since the last line (0 for the first).
    /// </summary>
    public int? Failed(string endpoint, string kind, DateTimeOffset now)
    {
        if (_states.TryGetValue(endpoint, out var state) && state.Kind == kind && now - state.LoggedAt < Every)
        {
            state.Unlogged++;
            return null;
        }
        var unlogged = state is not null && state.Kind == kind ? state.Unlogged : 0;
        _states[endpoint] = new State(kind, now);
        return unlogged;
    }

    /// <summary>A success of <paramref name="endpoint"/>: true once after failures (worth an "works again" line).</summary>
    public bool Succeeded(string endpoint) => _states.Remove(endpoint);

    /// <summary>Forgets endpoints no longer polled.</summary>
    public void Retain(IReadOnlySet<string> endpoints)
    {
        foreach (var gone in _states.Keys.Where(k => !endpoints.Contains(k)).ToList())
        {
            _states.Remove(gone);
        }
    }

    private sealed class State(string kind, DateTimeOffset loggedAt)
    {
        public string Kind { get; } = kind;

        public DateTimeOffset LoggedAt { get; } = loggedAt;

        public int Unlogged { get; set; }
    }
}
