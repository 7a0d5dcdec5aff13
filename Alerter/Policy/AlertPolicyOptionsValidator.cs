using Microsoft.Extensions.Options;

namespace Alerter.Policy;

/// <summary>Start-up checks of <see cref="AlertPolicyOptions"/>, with messages an operator can act on.</summary>
public sealed class AlertPolicyOptionsValidator : IValidateOptions<AlertPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertPolicyOptions o)
    {
        var errors = new List<string>();
        if (o.GroupSettle < TimeSpan.Zero || o.GroupWindow < o.GroupSettle)
        {
            errors.Add($"Alerter:Policy:GroupSettle ({o.GroupSettle}) must be >= 0 and GroupWindow ({o.GroupWindow}) at least GroupSettle (defaults 00:00:01 and 00:00:10).");
        }
        if (o.FlapChanges < 1 || o.FlapWindow <= TimeSpan.Zero || o.FlapStableAfter <= TimeSpan.Zero)
        {
            errors.Add("Alerter:Policy:FlapChanges must be at least 1, FlapWindow and FlapStableAfter positive (defaults 4, 00:10:00, 00:10:00).");
        }
        if (o.RecentTransitions is < 0 or > 100)
        {
            errors.Add($"Alerter:Policy:RecentTransitions {o.RecentTransitions} must be 0-100 (default 5).");
        }
        for (var i = 0; i < o.Silences.Count; i++)
        {
            if (o.Silences[i] is { Start: { } start, End: { } end } && end <= start)
            {
                errors.Add($"Alerter:Policy:Silences:{i}: End {end:o} is not after Start {start:o}.");
            }
        }
        for (var i = 0; i < o.Routes.Count; i++)
        {
            var r = o.Routes[i];
            if (r.Email.Count + r.SmsEmail.Count + r.Sms.Count == 0)
            {
                errors.Add($"Alerter:Policy:Routes:{i} (proxy '{r.Proxy}') has no recipients: add Email, SmsEmail or Sms entries.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
