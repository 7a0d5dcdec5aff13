using Alerter.Commands;
using Alerter.Delivery.Email;
using Alerter.Delivery.Sending;
using Alerter.Policy;
using ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Alerter.Delivery.TestEmail;

/// <summary>
/// <c>alerter test-email</c>: one message through the configured SMTP server, then a plain verdict (authentication
/// failed, TLS required, unreachable, relay denied, ...). The password is never printed.
/// </summary>
public sealed class TestEmailCommand(
    IOptions<SmtpOptions> smtpOptions,
    IOptions<AlertPolicyOptions> policyOptions,
    SmtpEmailSender sender,
    TimeProvider time) : ITestEmailCommand
{
    public async Task<int> RunAsync(string? to, TextWriter output, CancellationToken cancellationToken, bool verbose = false)
    {
        SmtpOptions smtp;
        try
        {
            smtp = smtpOptions.Value; // validated on first use: the registered validator throws with every failure
        }
        catch (OptionsValidationException ex)
        {
            return ConfigurationFailure.Report(ex.Failures.ToList(), output);
        }
        if (!smtp.Enabled)
        {
            await output.WriteLineAsync("Email is not configured: set Alerter:Smtp:Host (and Port, From, UserName, password).");
            return 2;
        }
        var recipient = to ?? smtp.TestRecipient ?? policyOptions.Value.Routes.SelectMany(r => r.Email).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(recipient))
        {
            await output.WriteLineAsync("No recipient: pass one (alerter test-email ops@example.net), or set Alerter:Smtp:TestRecipient or an email route.");
            return 2;
        }
        var security = smtp.Security switch
        {
            SmtpSecurity.StartTls => "STARTTLS",
            SmtpSecurity.SslOnConnect => "implicit TLS",
            _ => "no TLS",
        };
        await output.WriteLineAsync($"Sending a test message to {recipient} via {smtp.Host}:{smtp.Port} ({security}, {smtp.Authentication}) ...");
        var now = time.GetUtcNow();
        using var transcript = verbose ? new MemoryStream() : null;
        var result = await sender.SendAsync(
            recipient,
            new MailContent(
                $"[TEST] HAProxy Alerter test message from {Environment.MachineName}",
                $"This is a test message from the HAProxy Alerter on {Environment.MachineName}, sent at {now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.\nIf you read this, alerts by email reach you.\n"),
            AlertKeys.From("test-email", [recipient, now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            transcript,
            cancellationToken);
        if (transcript is not null)
        {
            // MailKit's logger writes "C: " and "S: " lines; AUTH payloads are already replaced by "********".
            await output.WriteLineAsync("--- SMTP transcript ---");
            await output.WriteAsync(System.Text.Encoding.UTF8.GetString(transcript.ToArray()));
            await output.WriteLineAsync("--- end of transcript ---");
        }
        if (result.Outcome == SendOutcome.Sent)
        {
            await output.WriteLineAsync($"OK: the server accepted the test message for {recipient}.");
            return 0;
        }
        await output.WriteLineAsync("FAILED: " + Explain(result, smtp, recipient));
        return 1;
    }

    /// <summary>The verdict in an operator's words.</summary>
    public static string Explain(SendResult result, SmtpOptions smtp, string recipient) => result.Problem switch
    {
        DeliveryProblem.AuthenticationFailed => $"authentication failed: {smtp.Host} refused user '{smtp.UserName}'. Check Alerter:Smtp:UserName and the password (environment or PasswordFile).",
        DeliveryProblem.AuthenticationRequired => $"authentication required: {smtp.Host} wants AUTH. Set Alerter:Smtp:UserName and a password.",
        DeliveryProblem.TlsRequired when smtp.Security == SmtpSecurity.None => $"TLS required: {smtp.Host} demands STARTTLS ({result.Detail}). Set Alerter:Smtp:Security=StartTls (port 587).",
        DeliveryProblem.TlsRequired => $"TLS required: {smtp.Host}:{smtp.Port} does not offer STARTTLS ({result.Detail}). If it is an implicit-TLS port (465), set Alerter:Smtp:Security=SslOnConnect; plaintext (Security=None) is for a loopback relay only.",
        DeliveryProblem.TlsFailed => $"TLS failed: the handshake with {smtp.Host}:{smtp.Port} failed ({result.Detail}).",
        DeliveryProblem.UntrustedCertificate => $"untrusted certificate: {smtp.Host} presented a certificate this machine does not trust ({result.Detail}). Trust its CA (system store or SSL_CERT_FILE), fix Host to match the certificate's name, or pin it with Alerter:Smtp:CertificateThumbprint or TrustedCertificateFile.",
        DeliveryProblem.Unreachable => $"unreachable: nothing accepts SMTP connections at {smtp.Host}:{smtp.Port} ({result.Detail}).",
        DeliveryProblem.Timeout => $"timeout: {smtp.Host}:{smtp.Port} did not answer within {smtp.Timeout.TotalSeconds:0} s ({result.Detail}). Is it an implicit-TLS port (Security=SslOnConnect), or filtered?",
        DeliveryProblem.RelayDenied => $"relay denied: {smtp.Host} refused the recipient {recipient} ({result.Detail}). It does not relay for this sender or recipient: authenticate, or use an address it accepts.",
        DeliveryProblem.RecipientRejected => $"recipient rejected: {smtp.Host} says {recipient} does not exist ({result.Detail}). Check the address in the route.",
        DeliveryProblem.InvalidRecipient => $"invalid recipient: '{recipient}' is not an email address.",
        _ => $"{result.Problem}: {result.Detail}",
    };
}
