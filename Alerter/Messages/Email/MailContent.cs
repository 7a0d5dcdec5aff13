namespace Alerter.Messages.Email;

/// <summary>What one email says: subject, the plain-text part, and optionally an HTML part with inline images.</summary>
public sealed record MailContent(string Subject, string Text, string? Html = null, IReadOnlyList<InlineImage>? Images = null);
