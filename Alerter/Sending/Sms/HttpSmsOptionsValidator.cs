using Microsoft.Extensions.Options;
using ServiceDefaults;

namespace Alerter.Sending.Sms;

/// <summary>Start-up checks of <see cref="HttpSmsOptions"/>.</summary>
public sealed class HttpSmsOptionsValidator : IValidateOptions<HttpSmsOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpSmsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors.Add($"Alerter:Sms:Url '{options.Url}' must be an absolute http(s) URL of the gateway's send endpoint.");
        }
        if (options.Auth == SmsGatewayAuth.Basic && string.IsNullOrEmpty(options.UserName))
        {
            errors.Add("Alerter:Sms:Auth is Basic but Alerter:Sms:UserName is empty (Twilio: the account SID).");
        }
        if (options.Auth == SmsGatewayAuth.Bearer && string.IsNullOrEmpty(options.Token) && string.IsNullOrEmpty(options.TokenFile))
        {
            errors.Add("Alerter:Sms:Auth is Bearer but neither Token (environment) nor TokenFile is set.");
        }
        foreach (var (key, file) in new[] { ("Alerter:Sms:PasswordFile", options.PasswordFile), ("Alerter:Sms:TokenFile", options.TokenFile) })
        {
            if (!string.IsNullOrEmpty(file) && ReadableFile.Problem(file) is { } problem)
            {
                errors.Add(ReadableFile.Describe(key, file, problem));
            }
        }
        if (string.IsNullOrWhiteSpace(options.ToField) || string.IsNullOrWhiteSpace(options.BodyField))
        {
            errors.Add("Alerter:Sms:ToField and BodyField must name the gateway's fields (Twilio: To, Body).");
        }
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Alerter:Sms:Timeout {options.Timeout} must be between 0 and 5 minutes (default 00:00:10).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
