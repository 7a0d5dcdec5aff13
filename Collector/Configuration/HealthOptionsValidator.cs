using Microsoft.Extensions.Options;

namespace Collector.Configuration;

/// <summary>Checks <see cref="HealthOptions"/>.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var errors = new List<string>();
        if (options.Enabled && options.Port is < 1 or > 65535)
        {
            errors.Add($"Collector:Health:Port is {options.Port}; use a free TCP port from 1 to 65535 (default 9481), or set Collector:Health:Enabled to false.");
        }
        if (options.StaleAfterIntervals < 1)
        {
            errors.Add($"Collector:Health:StaleAfterIntervals is {options.StaleAfterIntervals}; use 1 or more (default 3).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
