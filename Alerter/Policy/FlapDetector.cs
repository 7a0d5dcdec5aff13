namespace Alerter.Policy;

/// <summary>
/// Flap detection, pure: a server changing state more than <see cref="AlertPolicyOptions.FlapChanges"/> times within
/// <see cref="AlertPolicyOptions.FlapWindow"/> gets one "flapping" alert, then silence until it has not changed for
/// <see cref="AlertPolicyOptions.FlapStableAfter"/>, then one "stable again" alert. It counts state changes, not
/// lines: a DOWN of a server whose last change was a DOWN (a reload's new process re-checking it, a line logged
/// again) is <see cref="FlapOutcome.Repeated"/> and changes nothing.
/// </summary>
public static class FlapDetector
{
    /// <summary>Applies one event of the state's server; only DOWN/UP changes count, other events pass as normal (or suppressed while flapping).</summary>
    public static (FlapState State, FlapOutcome Outcome) Apply(FlapState state, PolicyEvent e, AlertPolicyOptions options)
    {
        if (!e.IsStateChange)
        {
            return (state, state.Flapping ? FlapOutcome.Suppressed : FlapOutcome.Normal);
        }
        if (IsRepeat(state, e))
        {
            return (state, FlapOutcome.Repeated);
        }
        var windowStart = e.Time - options.FlapWindow;
        var changes = state.Changes.Where(t => t > windowStart).Append(e.Time).ToList();
        if (changes.Count > options.FlapChanges + 1)
        {
            changes.RemoveRange(0, changes.Count - (options.FlapChanges + 1)); // only the count matters past the threshold
        }
        var next = state with { Changes = changes, LastChange = e.Time, LastKind = e.Kind };
        if (state.Flapping)
        {
            return (next, FlapOutcome.Suppressed);
        }
        if (changes.Count > options.FlapChanges)
        {
            return (next with { Flapping = true }, FlapOutcome.StartedFlapping);
        }
        return (next, FlapOutcome.Normal);
    }

    /// <summary>
    /// True when <paramref name="e"/> states the state the server is already in: its last change (stored, so across
    /// restarts and reloads) was of the same kind. Operator actions in between (maintenance, drain) do not count: a
    /// server DOWN before maintenance and DOWN after it never came up.
    /// </summary>
    public static bool IsRepeat(FlapState state, PolicyEvent e) => e.IsStateChange && state.LastKind == e.Kind;

    /// <summary>True when a flapping server has had no state change for the stable period at <paramref name="now"/>.</summary>
    public static bool IsStableAgain(FlapState state, DateTimeOffset now, AlertPolicyOptions options)
        => state.Flapping && state.LastChange is { } last && now - last >= options.FlapStableAfter;

    /// <summary>The state after the "stable again" alert: counting starts afresh.</summary>
    public static FlapState Reset(FlapState state) => state with { Changes = [], Flapping = false };
}
