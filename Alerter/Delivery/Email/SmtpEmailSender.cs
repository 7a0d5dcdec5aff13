using System.Net;
using System.Net.Mail;
using Alerter.Delivery.Outbox;
using Alerter.Delivery.Sending;
using Alerter.Policy;
using Microsoft.Extensions.Options;

namespace Alerter.Delivery.Email;

/// <summary>
/// Sends email and email-to-SMS rows through System.Net.Mail.SmtpClient: one message, one recipient, one
/// connection per send (so a rejected recipient never blocks or repeats another), DeliveryFormat SevenBit.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IAlertSender
{
    public string Transport => "smtp";

    public bool Handles(AlertChannel channel) => channel is AlertChannel.Email or AlertChannel.SmsEmail;

    public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        => SendAsync(message.Recipient, message.Subject, message.Body, message.MessageId, cancellationToken);

    /// <summary>Sends one message; every outcome, failures included, comes back as a result.</summary>
    public async Task<SendResult> SendAsync(string to, string subject, string body, string messageId, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!smtp.Enabled)
        {
            return new SendResult(SendOutcome.Transient, DeliveryProblem.NotConfigured, "Alerter:Smtp:Host is not set");
        }
        if (!string.IsNullOrEmpty(smtp.TrustedCertificateFile))
        {
            try
            {
                SmtpCertificateTrust.Pin(smtp.TrustedCertificateFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                return new SendResult(SendOutcome.Transient, DeliveryProblem.NotConfigured, $"Alerter:Smtp:TrustedCertificateFile cannot be read as a PEM certificate ({ex.GetType().Name})");
            }
        }
        var credentials = Credentials(smtp);
        MailMessage mail;
        try
        {
            mail = AlertMailFactory.Create(smtp.From, smtp.FromName, to, subject, body, messageId);
        }
        catch (FormatException)
        {
            return new SendResult(SendOutcome.Permanent, DeliveryProblem.InvalidRecipient, "not a valid email address");
        }
        using (mail)
        using (var client = new SmtpClient(smtp.Host, smtp.Port))
        {
            client.EnableSsl = smtp.EnableSsl;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.DeliveryFormat = SmtpDeliveryFormat.SevenBit;
            client.Timeout = (int)smtp.Timeout.TotalMilliseconds;
            client.UseDefaultCredentials = false;
            client.Credentials = credentials;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(smtp.Timeout);
            try
            {
                await client.SendMailAsync(mail, timeout.Token);
                return SendResult.Sent;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is SmtpException or OperationCanceledException or IOException or InvalidOperationException or System.Security.Authentication.AuthenticationException)
            {
                return SmtpFailureClassifier.Classify(ex, smtp.EnableSsl, credentials is not null);
            }
        }
    }

    private static NetworkCredential? Credentials(SmtpOptions smtp)
    {
        if (string.IsNullOrEmpty(smtp.UserName))
        {
            return null;
        }
        var password = !string.IsNullOrEmpty(smtp.PasswordFile)
            ? File.ReadLines(smtp.PasswordFile).FirstOrDefault() ?? ""
            : smtp.Password ?? "";
        return new NetworkCredential(smtp.UserName, password);
    }
}
