using ServiceDefaults.Settings;

namespace Alerter.Sending.Email;

/// <summary>The SMTP server alerts go through (MailKit). Section <c>Alerter:Smtp</c>.</summary>
/// <remarks><c>EnableSsl</c> (System.Net.Mail's STARTTLS switch) became <see cref="Security"/> with MailKit: still
/// read for one release, true as StartTls and false as None, with a warning.</remarks>
[SettingRenamed("EnableSsl", nameof(Security), Values = ["true=StartTls", "false=None"], Since = "2026-12")]
public sealed class SmtpOptions
{
    public const string Section = "Alerter:Smtp";

    /// <summary>SMTP server host name. Empty = email disabled.</summary>
    public string Host { get; set; } = "";

    /// <summary>Port. Default 587 (submission with STARTTLS); 465 with <see cref="SmtpSecurity.SslOnConnect"/>.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// Connection security. Default <see cref="SmtpSecurity.StartTls"/>. <c>SslOnConnect</c> for port 465; <c>None</c>
    /// only for a loopback host or with <see cref="AllowPlaintextToRemoteHost"/>. <c>StartTlsWhenAvailable</c> and
    /// <c>Auto</c> are refused: both fall back to plaintext silently.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Allows <c>Security=None</c> to a host that is not loopback (a relay on a trusted network). Default false.</summary>
    public bool AllowPlaintextToRemoteHost { get; set; }

    /// <summary>AUTH user name; empty = no AUTH. The mechanism is the strongest both sides offer (MailKit).</summary>
    public string? UserName { get; set; }

    /// <summary>Whether sessions AUTH: <see cref="UserName"/> is set (not bound from configuration).</summary>
    public bool Authenticates => !string.IsNullOrEmpty(UserName);

    /// <summary>"AUTH as user" or "no AUTH", for what test-email prints and the start-up check logs.</summary>
    public string Authentication => Authenticates ? $"AUTH as {UserName}" : "no AUTH";

    /// <summary>AUTH password, normally from the environment (<c>MONITORING__Alerter__Smtp__Password</c>). Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>File holding the AUTH password (first line), read at each send. Wins over <see cref="Password"/>.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Envelope and header sender address, e.g. <c>alerter@example.net</c>. Required when email is enabled.</summary>
    public string From { get; set; } = "";

    /// <summary>Display name of the sender. Default <c>HAProxy Alerter</c>.</summary>
    public string FromName { get; set; } = "HAProxy Alerter";

    /// <summary>Default recipient of <c>alerter test-email</c> when none is given.</summary>
    public string? TestRecipient { get; set; }

    /// <summary>Timeout of one send (connect to final reply); also MailKit's per-read/write timeout. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// PEM certificate to accept from the server even when the system does not trust it (a private CA or a
    /// self-signed server): exactly this certificate, checked by this client only. Prefer the system trust store.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>
    /// Thumbprint of a server certificate to accept even when the system does not trust it: SHA-256 (64 hex
    /// digits) or SHA-1 (40), colons and spaces allowed, e.g. the output of <c>openssl x509 -fingerprint -sha256</c>.
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
