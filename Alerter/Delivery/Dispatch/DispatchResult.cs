namespace Alerter.Delivery.Dispatch;

/// <summary>What one dispatch run did.</summary>
/// <param name="NextReleaseAt">When a group this run held for grouping becomes due (the earliest); null when none is held.</param>
/// <param name="Unrouted">Alerts no route sends to anyone: each is logged as a warning with its subject.</param>
public sealed record DispatchResult(int Events, int Held, int Alerts, int OutboxRows, int Silenced, int Suppressed, int UnknownKinds,
    DateTimeOffset? NextReleaseAt = null, IReadOnlyList<string>? Unrouted = null);
