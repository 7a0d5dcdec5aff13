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
            recipients.AddRange(Recipients(route, alert.Severity));
        }
        return recipients.Where(r => r.Address.Length > 0).Distinct().ToList();
    }

    /// <summary>
    /// Why these routes cannot work at all, or not for critical alerts, given the channels that are configured;
    /// empty when some severity reaches someone and critical alerts do. Says what to add.
    /// </summary>
    public static IReadOnlyList<string> ReachProblems(AlertPolicyOptions options, IReadOnlySet<AlertChannel> configured)
    {
        bool Reaches(AlertSeverity severity) => options.Routes.Any(route =>
            Recipients(route, severity).Any(r => r.Address.Length > 0 && configured.Contains(r.Channel)));
        var example = "e.g. --Alerter:Policy:Routes:0:Email:0=noc@example.net with Alerter:Smtp:Host set";
        if (options.Routes.Count == 0)
        {
            return [$"Alerter:Policy:Routes is empty: no alert would reach anyone. Add a route ({example})."];
        }
        var unconfigured = options.Routes.SelectMany(r => Enum.GetValues<AlertSeverity>().SelectMany(s => Recipients(r, s)))
            .Select(r => r.Channel).Distinct().Where(c => !configured.Contains(c)).ToList();
        var channels = unconfigured.Count == 0 ? ""
            : $" Recipients on {string.Join(", ", unconfigured)} do not count: {string.Join("; ", unconfigured.Select(Needs).Distinct())}.";
        if (!Enum.GetValues<AlertSeverity>().Any(Reaches))
        {
            return [$"Alerter:Policy:Routes send no severity to anyone: no route has a recipient for a severity it sends.{channels} Add a route ({example})."];
        }
        if (!Reaches(AlertSeverity.Critical))
        {
            return [$"Alerter:Policy:Routes send critical alerts (a backend with no server left) to nobody: no route lists Critical in EmailSeverities or SmsSeverities with a recipient.{channels} Add Critical to a route's severities, or a route with the defaults (critical by email and SMS)."];
        }
        return [];
    }

    private static IEnumerable<Recipient> Recipients(RouteRule route, AlertSeverity severity)
    {
        if (route.EmailsFor(severity))
        {
            foreach (var address in route.Email)
            {
                yield return new Recipient(AlertChannel.Email, address.Trim());
            }
        }
        if (route.SmsFor(severity))
        {
            foreach (var address in route.SmsEmail)
            {
                yield return new Recipient(AlertChannel.SmsEmail, address.Trim());
            }
            foreach (var number in route.Sms)
            {
                yield return new Recipient(AlertChannel.SmsHttp, number.Trim());
            }
        }
    }

    private static string Needs(AlertChannel channel) => channel == AlertChannel.SmsHttp
        ? "SMS needs Alerter:Sms:Url"
        : "email needs Alerter:Smtp:Host";
}
