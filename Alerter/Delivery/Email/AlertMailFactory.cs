using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Alerter.Delivery.Templates;

namespace Alerter.Delivery.Email;

/// <summary>
/// Builds the MailMessage, pure. Subject and display name pass through <see cref="SafeText.Header"/> (no CR/LF,
/// quotes or backslashes); UTF-8 subject and quoted-printable body, so non-ASCII names are encoded, never raw.
/// </summary>
public static class AlertMailFactory
{
    public static MailMessage Create(string from, string fromName, string to, string subject, string body, string messageIdLocalPart)
    {
        var sender = new MailAddress(from, SafeText.Header(fromName), Encoding.UTF8);
        var message = new MailMessage
        {
            From = sender,
            Subject = SafeText.Header(subject, maxLength: 250),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            // CRLF line breaks stay line breaks in quoted-printable; bare LFs would be encoded as =0A, which
            // readers decode but which makes the raw message (the demo's .eml files) unreadable.
            Body = body.ReplaceLineEndings("\r\n"),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(to));
        message.Headers.Add("Message-ID", $"<{messageIdLocalPart}@{sender.Host}>");
        message.Headers.Add("X-Alerter", "haproxy");
        return message;
    }
}
