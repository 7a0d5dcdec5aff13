namespace Alerter.Messages.Templates;

/// <summary>Subject, plain-text body and the HTML "what happened" block of one message, stored in the outbox as rendered.</summary>
public sealed record RenderedMessage(string Subject, string Body, string HtmlSummary = "");
