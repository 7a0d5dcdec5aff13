namespace Alerter.Policy;

/// <summary>
/// One message to send, before routing. <see cref="Key"/> is derived from the idempotency keys of the events it
/// covers, so dispatching the same events again gives the same key.
/// </summary>
public sealed record Alert
{
    public required string Key { get; init; }

    public required AlertKind Kind { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required string Host { get; init; }

    public required string Proxy { get; init; }

    /// <summary>The one server a flapping / stable-again alert is about.</summary>
    public string? Server { get; init; }

    /// <summary>The events reported (already filtered: no silenced or flap-suppressed ones), in log order.</summary>
    public required IReadOnlyList<PolicyEvent> Events { get; init; }

    /// <summary>When the alert was decided (the policy's now).</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>For flapping: changes in the window; for stable again: the last state kind.</summary>
    public int FlapChanges { get; init; }

    public string? StableState { get; init; }

    /// <summary>Time of the last state change (stable-again alerts).</summary>
    public DateTimeOffset? LastChange { get; init; }
}
