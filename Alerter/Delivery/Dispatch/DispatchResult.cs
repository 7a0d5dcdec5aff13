namespace Alerter.Delivery.Dispatch;

/// <summary>What one dispatch run did.</summary>
public sealed record DispatchResult(int Events, int Held, int Alerts, int OutboxRows, int Silenced, int Suppressed, int UnknownKinds);
