namespace Alerter.Policy;

/// <summary>
/// Who hears about which proxies. Every route whose <see cref="Proxy"/> glob matches an alert's proxy contributes
/// its recipients for the channels whose severity list contains the alert's severity.
/// </summary>
public sealed class RouteRule
{
    /// <summary>Glob over the proxy (backend) name. Default <c>*</c>.</summary>
    public string Proxy { get; set; } = "*";

    /// <summary>Glob over the host name. Default <c>*</c>.</summary>
    public string Host { get; set; } = "*";

    /// <summary>Email addresses for full messages.</summary>
    public List<string> Email { get; set; } = [];

    /// <summary>Email-to-SMS gateway addresses (e.g. <c>15551234567@sms.example.net</c>): 160-character bodies.</summary>
    public List<string> SmsEmail { get; set; } = [];

    /// <summary>Phone numbers for the HTTP SMS gateway (E.164, e.g. <c>+15551234567</c>).</summary>
    public List<string> Sms { get; set; } = [];

    /// <summary>Severities sent by email. Default (when unset) critical, warning, recovery: info is not paged.</summary>
    /// <remarks>Null by default because the configuration binder appends to a pre-filled list.</remarks>
    public List<AlertSeverity>? EmailSeverities { get; set; }

    /// <summary>Severities sent by SMS (both SMS kinds). Default (when unset) critical only.</summary>
    public List<AlertSeverity>? SmsSeverities { get; set; }

    public static readonly IReadOnlyList<AlertSeverity> DefaultEmailSeverities = [AlertSeverity.Critical, AlertSeverity.Warning, AlertSeverity.Recovery];

    public static readonly IReadOnlyList<AlertSeverity> DefaultSmsSeverities = [AlertSeverity.Critical];

    public bool EmailsFor(AlertSeverity severity) => (EmailSeverities ?? DefaultEmailSeverities).Contains(severity);

    public bool SmsFor(AlertSeverity severity) => (SmsSeverities ?? DefaultSmsSeverities).Contains(severity);
}
