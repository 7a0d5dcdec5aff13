using Alerter.Messages.Templates;
using Microsoft.Extensions.Options;

namespace Alerter.Messages.Email;

/// <summary>Start-up checks of <see cref="AlertEmailOptions"/>.</summary>
public sealed class AlertEmailOptionsValidator : IValidateOptions<AlertEmailOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertEmailOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.DashboardUrl) && !DashboardLink.IsHttpUrl(options.DashboardUrl))
        {
            errors.Add($"Alerter:DashboardUrl '{options.DashboardUrl}' must be an absolute http:// or https:// URL without a query, e.g. http://noc.example.net:8080.");
        }
        if (options.ContextTimeout < TimeSpan.Zero || options.ContextTimeout > TimeSpan.FromSeconds(5))
        {
            errors.Add($"Alerter:ContextTimeout {options.ContextTimeout} must be between 0 (no context) and 5 seconds (default 00:00:00.200): it delays every alert email by at most this much.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
