namespace Alerter.Sending.Email;

/// <summary>How the connection to the SMTP server is protected (<see cref="SmtpOptions.Security"/>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connect, then STARTTLS before AUTH and MAIL; fails when the server does not offer STARTTLS. Port 587 or 25.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, "SMTPS"). Port 465.</summary>
    SslOnConnect,

    /// <summary>No TLS at all: only for a loopback host, or with <see cref="SmtpOptions.AllowPlaintextToRemoteHost"/>.</summary>
    None,

    /// <summary>Refused at start: STARTTLS when offered, otherwise plaintext without a word.</summary>
    StartTlsWhenAvailable,

    /// <summary>Refused at start: MailKit's guess (implicit TLS on 465, otherwise STARTTLS when offered, else plaintext).</summary>
    Auto,
}
