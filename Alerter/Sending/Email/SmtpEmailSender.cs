using Alerter.Messages.Email;
using Alerter.Policy;
using Alerter.Sending;
using Alerter.Sending.Outbox;
using System.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerter.Sending.Email;

/// <summary>
/// Sends email and email-to-SMS rows through MailKit: one message, one recipient, one connection per send (so a
/// rejected recipient never blocks or repeats another, and an outbox row's delivery state is its recipient's).
/// TLS as <see cref="SmtpOptions.Security"/> says, never a silent fallback; the certificate is checked by this
/// client alone (<see cref="CertificatePin"/>); AUTH with the strongest mechanism both sides offer. The session's
/// deadline runs on the injected clock, as every other deadline of the suite does.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, AlertMailComposer composer, TimeProvider time) : IAlertSender
{
    public string Transport => "smtp";

    public bool Handles(AlertChannel channel) => channel is AlertChannel.Email or AlertChannel.SmsEmail;

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var content = message.Channel == AlertChannel.Email
            ? await composer.ComposeAsync(message, cancellationToken)
            : new MailContent(message.Subject, message.Body);
        return await SendAsync(message.Recipient, content, message.MessageId, transcript: null, cancellationToken);
    }

    /// <summary>Sends one message; every outcome, failures included, comes back as a result.</summary>
    /// <param name="transcript">Receives the SMTP conversation with AUTH secrets redacted (<c>test-email --verbose</c>).</param>
    public async Task<SendResult> SendAsync(string to, MailContent content, string messageId, Stream? transcript, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (Unusable(smtp, out var pin) is { } unusable)
        {
            return unusable;
        }
        MimeMessage mail;
        try
        {
            mail = AlertMailFactory.Create(smtp.From, smtp.FromName, to, content, messageId);
        }
        catch (ParseException)
        {
            return new SendResult(SendOutcome.Permanent, DeliveryProblem.InvalidRecipient, "not a valid email address");
        }
        return await SessionAsync(smtp, pin, transcript, (client, token) => client.SendAsync(AlertMailFactory.WireFormat, mail, token), cancellationToken);
    }

    /// <summary>
    /// Connects, secures and authenticates as a send would, then quits without a message: what the Alerter does at
    /// start, so a wrong password or an unreachable server is reported before the first outage needs it.
    /// </summary>
    public async Task<SendResult> CheckAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        return Unusable(smtp, out var pin) ?? await SessionAsync(smtp, pin, transcript: null, send: null, cancellationToken);
    }

    /// <summary>Why no session can start with this configuration, or null (and the certificate pin to use).</summary>
    private static SendResult? Unusable(SmtpOptions smtp, out CertificatePin pin)
    {
        pin = new CertificatePin([]);
        if (!smtp.Enabled)
        {
            return new SendResult(SendOutcome.Transient, DeliveryProblem.NotConfigured, "Alerter:Smtp:Host is not set");
        }
        if (Pin(smtp) is not { } readable)
        {
            return new SendResult(SendOutcome.Transient, DeliveryProblem.NotConfigured, "Alerter:Smtp:TrustedCertificateFile cannot be read as a PEM certificate");
        }
        pin = readable;
        return null;
    }

    /// <summary>One connection: connect (TLS as configured), AUTH when a user is set, then <paramref name="send"/> if any, then QUIT.</summary>
    private async Task<SendResult> SessionAsync(SmtpOptions smtp, CertificatePin pin, Stream? transcript,
        Func<SmtpClient, CancellationToken, Task>? send, CancellationToken cancellationToken)
    {
        var credentials = Credentials(smtp);
        using var logger = transcript is null ? null : new ProtocolLogger(transcript, leaveOpen: true) { RedactSecrets = true };
        using var client = logger is null ? new SmtpClient() : new SmtpClient(logger);
        client.Timeout = (int)smtp.Timeout.TotalMilliseconds;
        client.ServerCertificateValidationCallback = pin.Validate;
        // As System.Net's SslStream did by default: an offline CRL/OCSP responder must not stop an alert.
        client.CheckCertificateRevocation = false;
        using var deadline = new CancellationTokenSource(smtp.Timeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var phase = SmtpPhase.Connect;
        var offersStartTls = false;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), timeout.Token);
            // Read now: MailKit forgets the capabilities when a failure closes the connection.
            offersStartTls = client.Capabilities.HasFlag(SmtpCapabilities.StartTLS);
            if (credentials is not null)
            {
                phase = SmtpPhase.Authenticate;
                await client.AuthenticateAsync(credentials, timeout.Token);
            }
            if (send is not null)
            {
                phase = SmtpPhase.Send;
                await send(client, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return SmtpFailureClassifier.Classify(ex, new SmtpAttempt(
                smtp.Security, credentials is not null, phase, offersStartTls, pin.Rejected));
        }
        await QuitQuietlyAsync(client);
        return SendResult.Sent;
    }

    /// <summary>
    /// The server accepted the message with its reply to DATA: whatever QUIT does now must not turn the send into a
    /// failure, or the outbox would send it again.
    /// </summary>
    private async Task QuitQuietlyAsync(SmtpClient client)
    {
        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await client.DisconnectAsync(quit: true, quit.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing to do: the message is delivered, the connection is disposed with the client.
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        // The validator refuses the others at start; should one get here, it gets the strict setting, never plaintext.
        _ => SecureSocketOptions.StartTls,
    };

    private static CertificatePin? Pin(SmtpOptions smtp)
    {
        var thumbprints = new List<string>();
        if (!string.IsNullOrEmpty(smtp.CertificateThumbprint))
        {
            thumbprints.Add(smtp.CertificateThumbprint);
        }
        if (!string.IsNullOrEmpty(smtp.TrustedCertificateFile))
        {
            try
            {
                thumbprints.Add(CertificatePin.ThumbprintOfPem(smtp.TrustedCertificateFile));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                return null;
            }
        }
        return new CertificatePin(thumbprints);
    }

    private static NetworkCredential? Credentials(SmtpOptions smtp)
    {
        if (!smtp.Authenticates)
        {
            return null;
        }
        var password = !string.IsNullOrEmpty(smtp.PasswordFile)
            ? File.ReadLines(smtp.PasswordFile).FirstOrDefault() ?? ""
            : smtp.Password ?? "";
        return new NetworkCredential(smtp.UserName, password);
    }
}
