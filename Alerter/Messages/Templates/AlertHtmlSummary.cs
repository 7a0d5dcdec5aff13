using Alerter.Policy;
using System.Text;

namespace Alerter.Messages.Templates;

/// <summary>
/// The "what happened" block of the HTML part, pure, rendered at dispatch with the text (and stored with it): a
/// banner coloured by severity, where, and each event with its reason, check and servers left. Every value from
/// HAProxy goes through <see cref="HtmlText.Encode"/>.
/// </summary>
public static class AlertHtmlSummary
{
    public static string Render(Alert alert, IReadOnlyDictionary<ServerKey, IReadOnlyList<RecentTransition>> recent, AlertPolicyOptions options)
    {
        var colour = HtmlText.SeverityColour(alert.Severity);
        var html = new StringBuilder();
        html.Append("<div class=\"summary\" style=\"border-left:6px solid ").Append(colour).Append(";padding:8px 12px;margin-bottom:12px\">");
        html.Append("<div class=\"severity\" style=\"color:").Append(colour).Append(";font-weight:bold\">")
            .Append(EventPhrases.SeverityTag(alert.Severity)).Append("</div>");
        html.Append("<h2 style=\"margin:4px 0;color:").Append(colour).Append("\">").Append(HtmlText.Encode(EventPhrases.Title(alert, options))).Append("</h2>");
        html.Append("<div>Host <b>").Append(HtmlText.Encode(alert.Host)).Append("</b>, backend <b>").Append(HtmlText.Encode(alert.Proxy)).Append("</b>");
        if (alert.Server is not null)
        {
            html.Append(", server <b>").Append(HtmlText.Encode(alert.Server)).Append("</b>");
        }
        html.Append("</div></div>");
        if (alert.Events.Count > 0)
        {
            html.Append("<table class=\"events\" cellpadding=\"4\" style=\"border-collapse:collapse\">");
            html.Append("<tr><th align=\"left\">Time</th><th align=\"left\">What</th><th align=\"left\">Reason</th><th align=\"left\">Check</th><th align=\"left\">Left</th></tr>");
            foreach (var e in alert.Events)
            {
                html.Append("<tr><td>").Append(HtmlText.Encode(EventPhrases.Time(e.Time)))
                    .Append("</td><td>").Append(HtmlText.Encode($"{EventPhrases.Subject(e)} {EventPhrases.Verb(e.Kind)}"))
                    .Append("</td><td>").Append(HtmlText.Encode(e.Reason))
                    .Append("</td><td>").Append(HtmlText.Encode(EventPhrases.Check(e)))
                    .Append("</td><td>").Append(e.ActiveLeft is null && e.BackupLeft is null ? "" : HtmlText.Encode($"{e.ActiveLeft?.ToString() ?? "?"} active, {e.BackupLeft?.ToString() ?? "?"} backup"))
                    .Append("</td></tr>");
            }
            html.Append("</table>");
        }
        foreach (var (server, transitions) in recent.Where(r => r.Value.Count > 0).OrderBy(r => r.Key.Server, StringComparer.Ordinal))
        {
            html.Append("<p style=\"margin:8px 0 2px\">Recent transitions of ").Append(HtmlText.Encode($"{server.Proxy}/{server.Server}")).Append(":</p><ul style=\"margin:0\">");
            foreach (var t in transitions)
            {
                html.Append("<li>").Append(HtmlText.Encode(EventPhrases.Time(t.Time))).Append(' ').Append(HtmlText.Encode(EventPhrases.Verb(t.Kind)));
                if (!string.IsNullOrEmpty(t.Reason))
                {
                    html.Append(" (").Append(HtmlText.Encode(t.Reason)).Append(')');
                }
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        return html.ToString();
    }
}
