using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Alerter.Delivery.Email;

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
        if (options.Port == 465)
        {
            errors.Add("Alerter:Smtp:Port 465 (implicit TLS) is not supported by System.Net.Mail and would hang until the timeout; use port 587 with EnableSsl=true (STARTTLS).");
        }
        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"Alerter:Smtp:Port {options.Port} is not a TCP port (1-65535); the usual one is 587.");
        }
        if (!MailAddress.TryCreate(options.From, out _))
        {
            errors.Add($"Alerter:Smtp:From '{options.From}' is not an email address; set it to the sender address, e.g. alerter@example.net.");
        }
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Alerter:Smtp:Timeout {options.Timeout} must be between 0 and 10 minutes (default 00:00:30).");
        }
        if (!string.IsNullOrEmpty(options.PasswordFile) && !File.Exists(options.PasswordFile))
        {
            errors.Add($"Alerter:Smtp:PasswordFile '{options.PasswordFile}' does not exist.");
        }
        if (!string.IsNullOrEmpty(options.TrustedCertificateFile) && !File.Exists(options.TrustedCertificateFile))
        {
            errors.Add($"Alerter:Smtp:TrustedCertificateFile '{options.TrustedCertificateFile}' does not exist.");
        }
        if (!string.IsNullOrEmpty(options.UserName) && !options.EnableSsl)
        {
            errors.Add("Alerter:Smtp:UserName is set but EnableSsl is false: the password would cross the network in clear text. Enable STARTTLS (EnableSsl=true).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
