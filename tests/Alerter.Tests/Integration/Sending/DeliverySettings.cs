namespace Alerter.Tests.Integration.Sending;

/// <summary>Configuration for the delivery side against the test SMTP server (and optionally the SMS stub).</summary>
internal static class DeliverySettings
{
    public const string User = "alerter";
    public const string Password = "s3cret-Pass";
    public const string Noc = "noc@example.net";

    /// <summary>
    /// What a scan-only test still needs: <c>alerter run</c> refuses routes that reach nobody, so every severity goes
    /// to an address on an SMTP port where nothing listens (the mails wait in the outbox). As arguments.
    /// </summary>
    public static IEnumerable<string> NoServerArguments() => TestSupport.DotnetProcess.SettingsArguments(new Dictionary<string, string?>
    {
        ["Alerter:Smtp:Host"] = "127.0.0.1",
        ["Alerter:Smtp:Port"] = TestSupport.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Alerter:Smtp:Security"] = "None",
        ["Alerter:Smtp:From"] = "alerter@localhost",
        ["Alerter:Policy:Routes:0:Email:0"] = "noc@localhost",
    });

    public static Dictionary<string, string?> For(SmtpTestServer smtp, TestCertificate? certificate, string? password = Password, string? user = User)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerter:Smtp:Host"] = "127.0.0.1",
            ["Alerter:Smtp:Port"] = smtp.Port.ToString(),
            ["Alerter:Smtp:Security"] = certificate is not null ? "StartTls" : "None",
            ["Alerter:Smtp:From"] = "alerter@example.net",
            ["Alerter:Smtp:Timeout"] = "00:00:10",
            ["Alerter:Smtp:TrustedCertificateFile"] = certificate?.CertificatePath,
            ["Alerter:Policy:Routes:0:Email:0"] = Noc,
            ["Alerter:Delivery:InitialBackoff"] = "00:00:01",
            ["Alerter:Delivery:MaxBackoff"] = "00:00:04",
        };
        if (user is not null)
        {
            settings["Alerter:Smtp:UserName"] = user;
            settings["Alerter:Smtp:Password"] = password;
        }
        return settings;
    }
}
