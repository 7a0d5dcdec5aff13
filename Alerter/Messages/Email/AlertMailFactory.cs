using Alerter.Messages.Templates;
using MimeKit;
using MimeKit.Text;

namespace Alerter.Messages.Email;

/// <summary>
/// Builds the MimeMessage, pure. Subject and display name pass through <see cref="SafeText.Header"/> (no CR/LF,
/// quotes or backslashes); MimeKit encodes non-ASCII headers. With an HTML part the message is
/// multipart/alternative (text, then multipart/related with the HTML and its cid: images). Every part has an
/// explicit 7-bit transfer encoding, so the raw message is ASCII even when the server offers 8BITMIME, and the text
/// part is quoted-printable with CRLF line breaks kept as line breaks (MimeKit writes no <c>=0D=0A</c>).
/// </summary>
public static class AlertMailFactory
{
    /// <summary>How a message is written to the server: International=false keeps headers RFC 2047-encoded ASCII even when the server offers SMTPUTF8.</summary>
    public static FormatOptions WireFormat { get; } = Wire();

    private static FormatOptions Wire()
    {
        var format = FormatOptions.Default.Clone();
        format.International = false;
        return format;
    }

    public static MimeMessage Create(string from, string fromName, string to, MailContent content, string messageIdLocalPart)
    {
        var sender = new MailboxAddress(SafeText.Header(fromName), from);
        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = SafeText.Header(content.Subject, maxLength: 250);
        message.MessageId = $"{messageIdLocalPart}@{sender.Domain}";
        message.Headers.Add("X-Alerter", "haproxy");
        message.Body = Body(content);
        return message;
    }

    private static MimeEntity Body(MailContent content)
    {
        var text = new TextPart(TextFormat.Plain)
        {
            Text = content.Text.ReplaceLineEndings("\r\n"),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        text.ContentType.Charset = "utf-8";
        if (content.Html is null)
        {
            return text;
        }
        var html = new TextPart(TextFormat.Html)
        {
            Text = content.Html.ReplaceLineEndings("\r\n"),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        html.ContentType.Charset = "utf-8";
        MimeEntity htmlWithImages = html;
        if (content.Images is { Count: > 0 } images)
        {
            var related = new MultipartRelated { html };
            foreach (var image in images)
            {
                related.Add(new MimePart("image", "png")
                {
                    ContentId = image.ContentId,
                    Content = new MimeContent(new MemoryStream(image.Png, writable: false)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = image.FileName },
                    ContentTransferEncoding = ContentEncoding.Base64,
                });
            }
            htmlWithImages = related;
        }
        return new MultipartAlternative { text, htmlWithImages };
    }
}
