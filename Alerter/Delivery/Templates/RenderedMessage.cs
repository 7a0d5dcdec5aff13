namespace Alerter.Delivery.Templates;

/// <summary>Subject and plain-text body of one message, stored in the outbox as rendered.</summary>
public sealed record RenderedMessage(string Subject, string Body);
