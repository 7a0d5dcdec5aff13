using Alerter.Messages.Email;
using Alerter.Policy;
using Alerter.Sending;
using Alerter.Sending.Email;
using ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Alerter.Sending.TestEmail;

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
        await output.WriteLineAsync("FAILED: " + SmtpAdvice.Explain(result, smtp, recipient));
        return 1;
    }
}
