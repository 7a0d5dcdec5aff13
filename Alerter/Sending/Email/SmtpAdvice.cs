namespace Alerter.Sending.Email;

/// <summary>
/// What to tell an operator about a failed SMTP send, in one place: <c>alerter test-email</c> prints it and the start-up
/// check (<see cref="AlertEmailWarmUp"/>) logs it, so both give the same advice for the same problem.
/// </summary>
public static class SmtpAdvice
{
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
