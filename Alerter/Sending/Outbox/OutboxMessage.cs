using Alerter.Policy;

namespace Alerter.Sending.Outbox;

/// <summary>One outbox row to deliver: one message to one recipient over one channel.</summary>
/// <param name="MessageId">Stable id derived from the outbox key: the Message-ID local part, so a duplicate is identifiable.</param>
/// <param name="InFlight">True when an earlier send of this row was cut off (crash): it may have been delivered.</param>
/// <param name="Server">The alert's server; null for backend events. With <paramref name="EventTime"/>, what the traffic context is fetched for.</param>
/// <param name="EventTime">The transition's log time (the last event of the alert).</param>
/// <param name="HtmlSummary">The "what happened" block of the HTML part, rendered at dispatch; null for SMS rows and rows queued before it existed.</param>
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
    DateTimeOffset CreatedAt,
    string Host = "",
    string Proxy = "",
    string? Server = null,
    DateTimeOffset? EventTime = null,
    string? HtmlSummary = null);
