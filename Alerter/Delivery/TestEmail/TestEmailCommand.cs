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
    public async Task<int> RunAsync(string? to, TextWriter output, CancellationToken cancellationToken)
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
        var security = smtp.EnableSsl ? "STARTTLS" : "no TLS";
        var auth = string.IsNullOrEmpty(smtp.UserName) ? "no AUTH" : $"AUTH as {smtp.UserName}";
        await output.WriteLineAsync($"Sending a test message to {recipient} via {smtp.Host}:{smtp.Port} ({security}, {auth}) ...");
        var now = time.GetUtcNow();
        var result = await sender.SendAsync(
            recipient,
            $"[TEST] HAProxy Alerter test message from {Environment.MachineName}",
            $"This is a test message from the HAProxy Alerter on {Environment.MachineName}, sent at {now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.\nIf you read this, alerts by email reach you.\n",
            AlertKeys.From("test-email", [recipient, now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            cancellationToken);
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
        DeliveryProblem.TlsRequired => $"TLS required: {smtp.Host} demands STARTTLS. Set Alerter:Smtp:EnableSsl=true (port 587).",
        DeliveryProblem.TlsFailed => $"TLS failed: the STARTTLS handshake with {smtp.Host} failed ({result.Detail}). Trust its certificate (system store, SSL_CERT_FILE, or Alerter:Smtp:TrustedCertificateFile).",
        DeliveryProblem.Unreachable => $"unreachable: nothing accepts SMTP connections at {smtp.Host}:{smtp.Port} ({result.Detail}).",
        DeliveryProblem.Timeout => $"timeout: {smtp.Host}:{smtp.Port} did not answer within {smtp.Timeout.TotalSeconds:0} s. Is it an implicit-TLS port, or filtered?",
        DeliveryProblem.RelayDenied => $"relay denied: {smtp.Host} refused the recipient {recipient} ({result.Detail}). It does not relay for this sender or recipient: authenticate, or use an address it accepts.",
        DeliveryProblem.InvalidRecipient => $"invalid recipient: '{recipient}' is not an email address.",
        _ => $"{result.Problem}: {result.Detail}",
    };
}
