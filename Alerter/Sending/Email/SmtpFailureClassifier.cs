using Alerter.Sending;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Alerter.Sending.Email;

/// <summary>
/// Maps what MailKit throws to a <see cref="SendResult"/>, by exception type, SMTP status code, the enhanced status
/// code (RFC 3463, the structured start of a reply), the phase of the conversation and socket error, never by
/// free message text. Recipient-specific 5xx replies are permanent; 4xx replies, network and timeout failures are
/// transient; configuration problems (authentication, TLS, certificates) are transient too, so alerts wait in the
/// outbox until an operator fixes the configuration instead of being dropped.
/// </summary>
public static partial class SmtpFailureClassifier
{
    public static SendResult Classify(Exception exception, SmtpAttempt attempt)
    {
        if (exception is OperationCanceledException or TimeoutException)
        {
            return attempt is { Phase: SmtpPhase.Connect, Security: SmtpSecurity.StartTls }
                ? Transient(DeliveryProblem.Timeout, "no answer within the timeout while connecting (an implicit-TLS port such as 465 needs Security=SslOnConnect)")
                : Transient(DeliveryProblem.Timeout, "no answer within the timeout");
        }
        if (attempt.CertificateRejected)
        {
            return Transient(DeliveryProblem.UntrustedCertificate, "the server's certificate is not trusted (unknown CA, self-signed, or a name that does not match Host)");
        }
        switch (exception)
        {
            case SslHandshakeException:
                return Transient(DeliveryProblem.TlsFailed, attempt.Security == SmtpSecurity.SslOnConnect
                    ? "TLS handshake failed (is this a STARTTLS port? then use Security=StartTls)"
                    : "TLS handshake failed");
            case MailKit.Security.AuthenticationException:
                return Transient(DeliveryProblem.AuthenticationFailed, "the server refused the credentials (535)");
            case ServiceNotAuthenticatedException when attempt.Security == SmtpSecurity.None && attempt.ServerOffersStartTls:
                // MailKit turns the 530 at MAIL FROM into this; a plain connection to a server offering STARTTLS
                // gets that 530 because TLS comes first ("Must issue a STARTTLS command first").
                return Transient(DeliveryProblem.TlsRequired, "the server requires STARTTLS (530)");
            case ServiceNotAuthenticatedException:
                return Transient(DeliveryProblem.AuthenticationRequired, "the server requires AUTH and no UserName is set");
            case NotSupportedException when attempt.Phase == SmtpPhase.Connect && attempt.Security == SmtpSecurity.StartTls:
                return Transient(DeliveryProblem.TlsRequired, "the server does not offer STARTTLS");
            case NotSupportedException when attempt.Phase == SmtpPhase.Authenticate:
                return attempt.ServerOffersStartTls && attempt.Security == SmtpSecurity.None
                    ? Transient(DeliveryProblem.TlsRequired, "the server offers AUTH only after STARTTLS")
                    : Transient(DeliveryProblem.AuthenticationFailed, "the server offers no AUTH mechanism this client can use");
            case SmtpCommandException command:
                return Command(command, attempt);
            case SmtpProtocolException or IOException when Find<SocketException>(exception) is null:
                return Transient(DeliveryProblem.Unreachable, "the connection was lost");
            case FormatException or ArgumentException or MimeKit.ParseException:
                return new SendResult(SendOutcome.Permanent, DeliveryProblem.InvalidRecipient, "not a valid email address");
        }
        if (Find<SocketException>(exception) is { } socket)
        {
            return socket.SocketErrorCode == SocketError.TimedOut
                ? Transient(DeliveryProblem.Timeout, "connection timed out")
                : Transient(DeliveryProblem.Unreachable, $"cannot connect ({socket.SocketErrorCode})");
        }
        return Transient(DeliveryProblem.TransientServerError, $"unexpected {exception.GetType().Name}");
    }

    private static SendResult Command(SmtpCommandException command, SmtpAttempt attempt)
    {
        var code = (int)command.StatusCode;
        var enhanced = EnhancedStatus().Match(command.Message);
        var enhancedText = enhanced.Success ? $" {enhanced.Value}" : "";
        if (command.StatusCode == SmtpStatusCode.AuthenticationRequired)
        {
            // 530 means "STARTTLS first" as well as "AUTH first"; EHLO says which one this server wants.
            return attempt.Security == SmtpSecurity.None && attempt.ServerOffersStartTls
                ? Transient(DeliveryProblem.TlsRequired, $"the server requires STARTTLS ({code}{enhancedText})")
                : attempt.HasCredentials
                    ? Transient(DeliveryProblem.AuthenticationFailed, $"the server still wants authentication after AUTH ({code}{enhancedText})")
                    : Transient(DeliveryProblem.AuthenticationRequired, $"the server requires AUTH ({code}{enhancedText})");
        }
        if (code is >= 400 and < 500)
        {
            return Transient(DeliveryProblem.TransientServerError, $"server deferred the {What(command)} ({code}{enhancedText})");
        }
        if (command.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            // Enhanced class 5.7 is policy (relaying, security); 5.1 is the address itself. Without one, 551 and
            // 554 are the relay refusals and the rest (550, 553) the mailbox.
            var relay = enhanced.Success ? enhanced.Groups[1].Value == "7" : code is 551 or 554;
            return relay
                ? new SendResult(SendOutcome.Permanent, DeliveryProblem.RelayDenied, $"recipient refused ({code}{enhancedText}): relaying denied")
                : new SendResult(SendOutcome.Permanent, DeliveryProblem.RecipientRejected, $"recipient refused ({code}{enhancedText}): no such mailbox");
        }
        if (code is >= 500 and < 600)
        {
            return new SendResult(SendOutcome.Permanent, DeliveryProblem.PermanentServerError, $"server refused the {What(command)} ({code}{enhancedText})");
        }
        return Transient(DeliveryProblem.TransientServerError, $"SMTP failure ({code}{enhancedText})");
    }

    private static string What(SmtpCommandException command) => command.ErrorCode switch
    {
        SmtpErrorCode.SenderNotAccepted => "sender",
        SmtpErrorCode.RecipientNotAccepted => "recipient",
        _ => "message",
    };

    private static SendResult Transient(DeliveryProblem problem, string detail) => new(SendOutcome.Transient, problem, detail);

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }
        return null;
    }

    /// <summary>An RFC 3463 enhanced status code at the start of a reply: class.subject.detail.</summary>
    [GeneratedRegex(@"^\s*[245]\.(\d{1,3})\.\d{1,3}\b")]
    private static partial Regex EnhancedStatus();
}
