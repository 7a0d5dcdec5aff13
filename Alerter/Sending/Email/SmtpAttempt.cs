namespace Alerter.Sending.Email;

/// <summary>What one send knew when it failed: the facts <see cref="SmtpFailureClassifier"/> needs besides the exception.</summary>
/// <param name="ServerOffersStartTls">The server's EHLO listed STARTTLS (known once connected).</param>
/// <param name="CertificateRejected">Our certificate check refused the server's certificate.</param>
public sealed record SmtpAttempt(SmtpSecurity Security, bool HasCredentials, SmtpPhase Phase, bool ServerOffersStartTls, bool CertificateRejected);
