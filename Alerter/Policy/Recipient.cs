namespace Alerter.Policy;

/// <summary>One destination of an alert: a channel and an address (email address or phone number).</summary>
public readonly record struct Recipient(AlertChannel Channel, string Address);
