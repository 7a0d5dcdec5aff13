using HAProxy.Names;

namespace Alerter.Policy;

/// <summary>Recipients of an alert from the routes, pure; duplicates across routes collapse to one.</summary>
public static class AlertRouter
{
    public static IReadOnlyList<Recipient> Route(Alert alert, AlertPolicyOptions options)
    {
        var recipients = new List<Recipient>();
        foreach (var route in options.Routes.Where(r => NamePattern.IsMatch(r.Proxy, alert.Proxy) && NamePattern.IsMatch(r.Host, alert.Host)))
        {
            if (route.EmailsFor(alert.Severity))
            {
                recipients.AddRange(route.Email.Select(a => new Recipient(AlertChannel.Email, a.Trim())));
            }
            if (route.SmsFor(alert.Severity))
            {
                recipients.AddRange(route.SmsEmail.Select(a => new Recipient(AlertChannel.SmsEmail, a.Trim())));
                recipients.AddRange(route.Sms.Select(a => new Recipient(AlertChannel.SmsHttp, a.Trim())));
            }
        }
        return recipients.Where(r => r.Address.Length > 0).Distinct().ToList();
    }
}
