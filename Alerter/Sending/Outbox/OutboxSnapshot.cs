namespace Alerter.Sending.Outbox;

/// <summary>Outbox depth and the last delivery, as <c>alerter status</c> shows them.</summary>
/// <param name="Unrouted">Alerts that matched no route (nobody received them); <paramref name="LastUnrouted"/> names the latest.</param>
public sealed record OutboxSnapshot(long Pending, long Failed, DateTimeOffset? LastDelivery, string? LastDeliveryTo, string? LastError,
    long Unrouted = 0, string? LastUnrouted = null);
