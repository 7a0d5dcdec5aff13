using Alerter.Policy;

namespace Alerter.Delivery.Outbox;

/// <summary>One outbox row to deliver: one message to one recipient over one channel.</summary>
/// <param name="MessageId">Stable id derived from the outbox key: the Message-ID local part, so a duplicate is identifiable.</param>
/// <param name="InFlight">True when an earlier send of this row was cut off (crash): it may have been delivered.</param>
public sealed record OutboxMessage(
    long Id,
    string OutboxKey,
    AlertChannel Channel,
    string Recipient,
    AlertSeverity Severity,
    string Subject,
    string Body,
    string MessageId,
    int Attempts,
    bool InFlight,
    DateTimeOffset CreatedAt);
