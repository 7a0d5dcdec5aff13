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
}
