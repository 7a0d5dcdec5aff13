namespace Alerter.Policy;

/// <summary>What flap detection says about one event.</summary>
public enum FlapOutcome
{
    /// <summary>Not flapping: alert as usual.</summary>
    Normal,

    /// <summary>This change crossed the threshold: one "flapping" alert replaces the server's transitions.</summary>
    StartedFlapping,

    /// <summary>The server is flapping: stay silent.</summary>
    Suppressed,

    /// <summary>
    /// DOWN while DOWN (or UP while UP), e.g. the new process after a reload re-checks and logs "is DOWN" again: no
    /// state change, so no alert and no count towards flapping.
    /// </summary>
    Repeated,
}
