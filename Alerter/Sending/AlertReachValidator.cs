using Alerter.Sending.Email;
using Alerter.Sending.Sms;
using Alerter.Policy;
using Microsoft.Extensions.Options;

namespace Alerter.Sending;

/// <summary>
/// <c>alerter run</c> refuses to start when its routes send nothing to anyone, or when critical alerts (a backend
/// with no server left) reach nobody: a worker that silently drops every page is worse than one that does not
/// start. A recipient counts only on a channel that is configured (email and SMS-by-email need
/// <c>Alerter:Smtp:Host</c>, SMS needs <c>Alerter:Sms:Url</c>). Only the worker registers it.
/// </summary>
public sealed class AlertReachValidator(IOptions<SmtpOptions> smtp, IOptions<HttpSmsOptions> sms) : IValidateOptions<AlertPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertPolicyOptions options)
    {
        var channels = new HashSet<AlertChannel>();
        if (smtp.Value.Enabled)
        {
            channels.Add(AlertChannel.Email);
            channels.Add(AlertChannel.SmsEmail);
        }
        if (sms.Value.Enabled)
        {
            channels.Add(AlertChannel.SmsHttp);
        }
        return AlertRouter.ReachProblems(options, channels) is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Success;
    }
}
