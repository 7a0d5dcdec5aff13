namespace Alerter.Sending.Outbox;

/// <summary>Outbox depth and the last delivery, as <c>alerter status</c> shows them.</summary>
public sealed record OutboxSnapshot(long Pending, long Failed, DateTimeOffset? LastDelivery, string? LastDeliveryTo, string? LastError);
