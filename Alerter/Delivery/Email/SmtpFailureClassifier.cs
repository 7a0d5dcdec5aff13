using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;
using Alerter.Delivery.Sending;

namespace Alerter.Delivery.Email;

/// <summary>
/// Maps what SmtpClient throws to a <see cref="SendResult"/>, by exception type, StatusCode, inner exception and
/// socket error, never by message text. Recipient-specific 5xx replies are permanent; 4xx replies, network and
/// timeout failures are transient; configuration problems (authentication, TLS) are transient too, so alerts wait
/// in the outbox until an operator fixes the configuration instead of being dropped.
/// </summary>
public static class SmtpFailureClassifier
{
    public static SendResult Classify(Exception exception, bool enableSsl, bool hasCredentials)
    {
        if (exception is SmtpFailedRecipientException recipient)
        {
            var code = (int)recipient.StatusCode;
            return code is >= 400 and < 500
                ? new SendResult(SendOutcome.Transient, DeliveryProblem.TransientServerError, $"recipient deferred ({code})")
                : new SendResult(SendOutcome.Permanent, DeliveryProblem.RelayDenied, $"recipient refused ({code}): relaying denied or no such mailbox");
        }
        if (exception is OperationCanceledException or TimeoutException)
        {
            return new SendResult(SendOutcome.Transient, DeliveryProblem.Timeout, "no answer within the timeout");
        }
        if (Find<AuthenticationException>(exception) is { } tls)
        {
            return new SendResult(SendOutcome.Transient, DeliveryProblem.TlsFailed, $"TLS handshake failed ({tls.GetType().Name}): is the server certificate trusted and its name right?");
        }
        if (Find<SocketException>(exception) is { } socket)
        {
            return socket.SocketErrorCode == SocketError.TimedOut
                ? new SendResult(SendOutcome.Transient, DeliveryProblem.Timeout, "connection timed out")
                : new SendResult(SendOutcome.Transient, DeliveryProblem.Unreachable, $"cannot connect ({socket.SocketErrorCode})");
        }
        if (exception is SmtpException smtp)
        {
            var code = (int)smtp.StatusCode;
            if (smtp.StatusCode == SmtpStatusCode.MustIssueStartTlsFirst)
            {
                // .NET ignores a 535 after AUTH and fails at MAIL FROM with 530; over TLS that 530 means the login failed.
                return !enableSsl
                    ? new SendResult(SendOutcome.Transient, DeliveryProblem.TlsRequired, "the server requires STARTTLS (530): set EnableSsl=true")
                    : hasCredentials
                        ? new SendResult(SendOutcome.Transient, DeliveryProblem.AuthenticationFailed, "authentication failed (530 after AUTH): check UserName and the password")
                        : new SendResult(SendOutcome.Transient, DeliveryProblem.AuthenticationRequired, "the server requires authentication (530): set UserName and a password");
            }
            if (smtp.StatusCode == SmtpStatusCode.GeneralFailure && smtp.InnerException is null)
            {
                return new SendResult(SendOutcome.Transient, DeliveryProblem.Timeout, "the send failed without a reply (timeout or connection lost)");
            }
            if (smtp.StatusCode == SmtpStatusCode.GeneralFailure && smtp.InnerException is IOException)
            {
                return new SendResult(SendOutcome.Transient, DeliveryProblem.Unreachable, "the connection was lost");
            }
            if (code is >= 400 and < 500)
            {
                return new SendResult(SendOutcome.Transient, DeliveryProblem.TransientServerError, $"server deferred the message ({code})");
            }
            if (code is >= 500 and < 600)
            {
                return new SendResult(SendOutcome.Permanent, DeliveryProblem.PermanentServerError, $"server refused the message ({code})");
            }
            return new SendResult(SendOutcome.Transient, DeliveryProblem.TransientServerError, $"SMTP failure ({smtp.StatusCode})");
        }
        if (exception is FormatException)
        {
            return new SendResult(SendOutcome.Permanent, DeliveryProblem.InvalidRecipient, "not a valid email address");
        }
        return new SendResult(SendOutcome.Transient, DeliveryProblem.TransientServerError, $"unexpected {exception.GetType().Name}");
    }

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
}
