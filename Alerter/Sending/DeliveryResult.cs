namespace Alerter.Sending;

/// <summary>What one delivery run did.</summary>
public sealed record DeliveryResult(int Sent, int Retried, int Failed, int PossibleDuplicates);
