using Alerter.Policy;
using Alerter.Sending.Outbox;

namespace Alerter.Sending;

/// <summary>One delivery channel's I/O edge. Turns every outcome, failures included, into a <see cref="SendResult"/>.</summary>
public interface IAlertSender
{
    /// <summary>Channels this sender delivers.</summary>
    bool Handles(AlertChannel channel);

    /// <summary>Name of the transport shared by its channels (<c>smtp</c>, <c>http-sms</c>): when it is down, all its channels wait.</summary>
    string Transport { get; }

    Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
