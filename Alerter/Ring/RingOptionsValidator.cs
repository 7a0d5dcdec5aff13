using Microsoft.Extensions.Options;

namespace Alerter.Ring;

/// <summary>Start-time checks of <see cref="RingOptions"/>, with messages that say what to change.</summary>
public sealed class RingOptionsValidator : IValidateOptions<RingOptions>
{
    public ValidateOptionsResult Validate(string? name, RingOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RingName) || options.RingName.AsSpan().IndexOfAny(" \t\r\n;") >= 0)
        {
            failures.Add($"Alerter:Ring:RingName '{options.RingName}' must be the name of a `ring` section in HAProxy's config (no spaces or ';').");
        }
        if (options.ReconnectDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectDelay)
        {
            failures.Add($"Alerter:Ring:ReconnectDelay ({options.ReconnectDelay}) must be positive and at most ReconnectMaxDelay ({options.ReconnectMaxDelay}).");
        }
        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Alerter:Ring:ConnectTimeout must be between 00:00:00.001 and 00:01:00 (got {options.ConnectTimeout}).");
        }
        if (options.SocketCheckInterval < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"Alerter:Ring:SocketCheckInterval must be at least 00:00:00.1 (got {options.SocketCheckInterval}).");
        }
        if (options.BacklogMaxAge < TimeSpan.Zero)
        {
            failures.Add($"Alerter:Ring:BacklogMaxAge must not be negative (got {options.BacklogMaxAge}).");
        }
        if (options.MaxLineBytes is < 256 or > 16 * 1024 * 1024)
        {
            failures.Add($"Alerter:Ring:MaxLineBytes must be between 256 and 16777216 (got {options.MaxLineBytes}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
