namespace Alerter.Policy;

/// <summary>What one policy run decided.</summary>
/// <param name="Dispatched">Events released from their group, with their severity (held events are absent).</param>
/// <param name="Alerts">Messages to route and send, in order.</param>
/// <param name="FlapStates">Flap states that changed and must be stored.</param>
/// <param name="Silenced">Released events dropped by a maintenance window.</param>
/// <param name="Suppressed">Released events dropped because their server flaps.</param>
/// <param name="NextReleaseAt">When the earliest group held for grouping will be released if nothing else arrives
/// (<see cref="EventGrouper.ReleaseAt"/>); null when nothing is held. The dispatcher runs again at that instant.</param>
public sealed record PolicyDecision(
    IReadOnlyList<(long EventId, AlertSeverity Severity)> Dispatched,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<FlapState> FlapStates,
    int Silenced,
    int Suppressed,
    DateTimeOffset? NextReleaseAt = null);
