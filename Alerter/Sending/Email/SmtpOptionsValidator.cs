using System.Net.Mail;
using Microsoft.Extensions.Options;
using ServiceDefaults;

namespace Alerter.Sending.Email;

/// <summary>Start-up checks of <see cref="SmtpOptions"/>, with messages an operator can act on.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        var loopback = SmtpHost.IsLoopback(options.Host);
        switch (options.Security)
        {
            case SmtpSecurity.StartTlsWhenAvailable or SmtpSecurity.Auto:
                errors.Add($"Alerter:Smtp:Security {options.Security} is refused: it falls back to plaintext without a word when the server does not offer STARTTLS, and the password and alerts would cross the network in clear. Use StartTls (port 587) or SslOnConnect (port 465).");
                break;
            case SmtpSecurity.None when !loopback && !options.AllowPlaintextToRemoteHost:
                errors.Add($"Alerter:Smtp:Security None sends alerts in clear text to {options.Host}, which is not a loopback host. Use StartTls (587) or SslOnConnect (465), or set Alerter:Smtp:AllowPlaintextToRemoteHost=true for a relay on a trusted network.");
                break;
            case SmtpSecurity.StartTls when options.Port == 465:
                errors.Add("Alerter:Smtp:Port 465 is implicit TLS: STARTTLS there waits until the timeout. Set Alerter:Smtp:Security=SslOnConnect, or use port 587 with StartTls.");
                break;
        }
        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"Alerter:Smtp:Port {options.Port} is not a TCP port (1-65535); the usual ones are 587 (StartTls) and 465 (SslOnConnect).");
        }
        if (!MailAddress.TryCreate(options.From, out _))
        {
            errors.Add($"Alerter:Smtp:From '{options.From}' is not an email address; set it to the sender address, e.g. alerter@example.net.");
        }
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Alerter:Smtp:Timeout {options.Timeout} must be between 0 and 10 minutes (default 00:00:30).");
        }
        // Read at each send: checked here so an unreadable file is a line at start, not an exception at the first alert.
        if (!string.IsNullOrEmpty(options.PasswordFile) && ReadableFile.Problem(options.PasswordFile) is { } password)
        {
            errors.Add(ReadableFile.Describe("Alerter:Smtp:PasswordFile", options.PasswordFile, password));
        }
        if (!string.IsNullOrEmpty(options.TrustedCertificateFile) && ReadableFile.Problem(options.TrustedCertificateFile) is { } certificate)
        {
            errors.Add(ReadableFile.Describe("Alerter:Smtp:TrustedCertificateFile", options.TrustedCertificateFile, certificate));
        }
        if (!string.IsNullOrEmpty(options.CertificateThumbprint) && CertificatePin.Normalise(options.CertificateThumbprint) is null)
        {
            errors.Add("Alerter:Smtp:CertificateThumbprint must be a SHA-256 (64 hex digits) or SHA-1 (40 hex digits) thumbprint, e.g. from 'openssl x509 -noout -fingerprint -sha256 -in server.pem'.");
        }
        if (options.Authenticates && options.Security == SmtpSecurity.None && !loopback)
        {
            errors.Add("Alerter:Smtp:UserName is set with Security None: the password would cross the network in clear text. Use StartTls or SslOnConnect.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
