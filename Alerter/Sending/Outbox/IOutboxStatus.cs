namespace Alerter.Sending.Outbox;

/// <summary>Delivery numbers for <c>alerter status</c> and the health report.</summary>
public interface IOutboxStatus
{
    OutboxSnapshot Read();
}
