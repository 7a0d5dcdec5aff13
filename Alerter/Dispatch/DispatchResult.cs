namespace Alerter.Dispatch;

/// <summary>What one dispatch run did.</summary>
/// <param name="NextReleaseAt">When a group this run held for grouping becomes due (the earliest); null when none is held.</param>
/// <param name="Unrouted">Alerts no route sends to anyone: each is logged as a warning with its subject.</param>
/// <param name="Repeated">Events that repeated their server's state (DOWN while DOWN): recorded, not alerted.</param>
/// <param name="Confirmed">Flap-suppressed outage events paged because the Collector's numbers confirmed them.</param>
/// <param name="Unconfirmed">Flap-suppressed outage events still waiting for the numbers.</param>
public sealed record DispatchResult(int Events, int Held, int Alerts, int OutboxRows, int Silenced, int Suppressed, int UnknownKinds,
    DateTimeOffset? NextReleaseAt = null, IReadOnlyList<string>? Unrouted = null, int Repeated = 0, int Confirmed = 0, int Unconfirmed = 0);
