using Alerter.Policy;

namespace Alerter.Messages.Templates;

/// <summary>The SMS text of an alert: at most <see cref="MaxLength"/> characters, one line, pure.</summary>
public static class AlertSmsTemplate
{
    public const int MaxLength = 160;

    public static string Render(Alert alert, AlertPolicyOptions options)
    {
        var time = alert.Events.Count > 0 ? alert.Events[^1].Time : alert.DecidedAt;
        var text = SafeText.Header($"{EventPhrases.SeverityTag(alert.Severity)} {alert.Host}: {EventPhrases.Title(alert, options)} {time.UtcDateTime:HH:mm:ss}Z", maxLength: int.MaxValue);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 3)] + "...";
    }
}
