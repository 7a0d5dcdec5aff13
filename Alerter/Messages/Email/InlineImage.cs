namespace Alerter.Messages.Email;

/// <summary>A PNG the HTML part shows through <c>cid:{ContentId}</c>.</summary>
public sealed record InlineImage(string ContentId, string FileName, byte[] Png);
