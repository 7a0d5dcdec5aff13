using Microsoft.Extensions.Options;

namespace Alerter.Sending;

/// <summary>Start-up checks of <see cref="DeliveryOptions"/>.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions o)
    {
        var errors = new List<string>();
        if (o.DispatchInterval < TimeSpan.FromMilliseconds(100) || o.DeliveryInterval < TimeSpan.FromMilliseconds(100))
        {
            errors.Add("Alerter:Delivery:DispatchInterval and DeliveryInterval must be at least 00:00:00.1 (default 00:00:01).");
        }
        if (o.InitialBackoff <= TimeSpan.Zero || o.MaxBackoff < o.InitialBackoff)
        {
            errors.Add("Alerter:Delivery:InitialBackoff must be positive and MaxBackoff at least InitialBackoff (defaults 00:00:05 and 00:05:00).");
        }
        if (o.BackoffMultiplier < 1)
        {
            errors.Add($"Alerter:Delivery:BackoffMultiplier {o.BackoffMultiplier} must be at least 1 (default 2).");
        }
        if (o.GiveUpAfter <= TimeSpan.Zero || o.MaxSendsPerRun < 1)
        {
            errors.Add("Alerter:Delivery:GiveUpAfter must be positive (default 1.00:00:00) and MaxSendsPerRun at least 1 (default 200).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
