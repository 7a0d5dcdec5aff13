namespace Alerter.Sending.Email;

/// <summary>Where in the SMTP conversation a send failed: the same exception type means different things in each.</summary>
public enum SmtpPhase
{
    /// <summary>TCP connect, greeting, EHLO, STARTTLS or the implicit-TLS handshake.</summary>
    Connect,

    /// <summary>AUTH.</summary>
    Authenticate,

    /// <summary>MAIL FROM, RCPT TO, DATA.</summary>
    Send,
}
