namespace Alerter.Policy;

/// <summary>Every number of the alert policy. Section <c>Alerter:Policy</c>.</summary>
public sealed class AlertPolicyOptions
{
    public const string Section = "Alerter:Policy";

    /// <summary>
    /// A backend's group is held while its events keep arriving, and released once no new event has come for longer
    /// than this (measured on log timestamps against now). Default 1 s. Longer settles group more, but add latency.
    /// </summary>
    public TimeSpan GroupSettle { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A group never spans, nor is held, longer than this from its first event. Default 10 s.</summary>
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A server changing state (DOWN/UP) more than this many times within <see cref="FlapWindow"/> is flapping. Default 4.</summary>
    public int FlapChanges { get; set; } = 4;

    /// <summary>Window for counting state changes. Default 10 min.</summary>
    public TimeSpan FlapWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A flapping server is stable again after no state change for this long. Default 10 min.</summary>
    public TimeSpan FlapStableAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Severity of the one "flapping" alert. Default warning.</summary>
    public AlertSeverity FlappingSeverity { get; set; } = AlertSeverity.Warning;

    /// <summary>
    /// A server DOWN is critical when at most this many active servers are left (HAProxy's "N active ... left").
    /// Default 0: critical when no active server is left, even if backup servers serve.
    /// </summary>
    public int CriticalWhenActiveLeftAtMost { get; set; }

    /// <summary>How many recent transitions of the server an email lists. Default 5.</summary>
    public int RecentTransitions { get; set; } = 5;

    /// <summary>Maintenance windows.</summary>
    public List<SilenceRule> Silences { get; set; } = [];

    /// <summary>Recipients per proxy pattern and severity.</summary>
    public List<RouteRule> Routes { get; set; } = [];
}
