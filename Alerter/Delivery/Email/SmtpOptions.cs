namespace Alerter.Delivery.Email;

/// <summary>The SMTP server alerts go through (System.Net.Mail: STARTTLS only). Section <c>Alerter:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Alerter:Smtp";

    /// <summary>SMTP server host name. Empty = email disabled.</summary>
    public string Host { get; set; } = "";

    /// <summary>Port. Default 587 (submission with STARTTLS). 465 (implicit TLS) is not supported by System.Net.Mail.</summary>
    public int Port { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before AUTH and MAIL. Default true.</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>AUTH user name; empty = no AUTH.</summary>
    public string? UserName { get; set; }

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

    /// <summary>Timeout of one send (connect to final reply). Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// PEM certificate to accept from the server even when the system does not trust it (a private CA or a
    /// self-signed server). Exact-certificate pinning through ServicePointManager's callback, which is
    /// process-wide; in this process only SmtpClient uses it. Prefer the system trust store (or SSL_CERT_FILE).
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
