namespace Alerter.Policy;

/// <summary>What one policy run decided.</summary>
/// <param name="Dispatched">Events released from their group, with their severity (held events are absent).</param>
/// <param name="Alerts">Messages to route and send, in order.</param>
/// <param name="FlapStates">Flap states that changed and must be stored.</param>
/// <param name="Silenced">Released events dropped by a maintenance window.</param>
/// <param name="Suppressed">Released events dropped because their server flaps.</param>
/// <param name="NextReleaseAt">When the earliest group held for grouping will be released if nothing else arrives
/// (<see cref="EventGrouper.ReleaseAt"/>); null when nothing is held. The dispatcher runs again at that instant.</param>
/// <param name="Repeated">Released events that repeat the state their server (or backend) is already in.</param>
/// <param name="Unconfirmed">Suppressed outage events still waiting for the numbers (earlier ones and this run's);
/// the dispatcher stores them and passes them back next run.</param>
/// <param name="Confirmed">Suppressed outage events paged because the numbers confirmed them.</param>
public sealed record PolicyDecision(
    IReadOnlyList<(long EventId, AlertSeverity Severity)> Dispatched,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<FlapState> FlapStates,
    int Silenced,
    int Suppressed,
    DateTimeOffset? NextReleaseAt = null,
    int Repeated = 0,
    IReadOnlyList<PolicyEvent>? Unconfirmed = null,
    int Confirmed = 0);
