namespace Alerter.Sending.Outbox;

/// <summary><see cref="IOutboxStatus"/> over the outbox table.</summary>
public sealed class OutboxStatus(OutboxStore store) : IOutboxStatus
{
    public OutboxSnapshot Read() => store.Snapshot();
}
