using Alerter.Policy;
using System.Text;

namespace Alerter.Messages.Templates;

/// <summary>
/// Subject and plain-text body of an alert email, pure: what happened, which server and backend, reason and check
/// info, active and backup servers left, host, time, the log line, and the server's recent transitions.
/// </summary>
public static class AlertEmailTemplate
{
    public static RenderedMessage Render(Alert alert, IReadOnlyDictionary<ServerKey, IReadOnlyList<RecentTransition>> recent, AlertPolicyOptions options)
    {
        var title = EventPhrases.Title(alert, options);
        var subject = SafeText.Header($"[{EventPhrases.SeverityTag(alert.Severity)}] {title} on {alert.Host}");
        var body = new StringBuilder();
        body.Append(SafeText.Line(title)).Append("\n\n");
        body.Append("Severity: ").Append(EventPhrases.SeverityTag(alert.Severity)).Append('\n');
        body.Append("Host:     ").Append(SafeText.Line(alert.Host)).Append('\n');
        body.Append("Backend:  ").Append(SafeText.Line(alert.Proxy)).Append('\n');
        if (alert.Server is not null)
        {
            body.Append("Server:   ").Append(SafeText.Line(alert.Server)).Append('\n');
        }
        if (alert.LastChange is { } lastChange)
        {
            body.Append("Last state change: ").Append(EventPhrases.Time(lastChange)).Append('\n');
        }
        if (alert.Kind == AlertKind.Flapping)
        {
            body.Append("\nFurther transitions of this server stay silent until it has not changed for ")
                .Append(EventPhrases.Duration(options.FlapStableAfter)).Append("; one message will say so.\n");
        }
        foreach (var e in alert.Events)
        {
            body.Append('\n').Append(EventPhrases.Time(e.Time)).Append("  ").Append(SafeText.Line($"{EventPhrases.Subject(e)} {EventPhrases.Verb(e.Kind)}")).Append('\n');
            AppendIf(body, "  Reason:  ", e.Reason);
            AppendIf(body, "  Check:   ", EventPhrases.Check(e));
            if (e.ActiveLeft is not null || e.BackupLeft is not null)
            {
                body.Append("  Left:    ").Append(e.ActiveLeft?.ToString() ?? "?").Append(" active and ")
                    .Append(e.BackupLeft?.ToString() ?? "?").Append(" backup servers\n");
            }
            AppendIf(body, "  Tracks:  ", e.Via);
            AppendIf(body, "  Log:     ", e.Line);
        }
        var servers = alert.Server is not null
            ? [new ServerKey(alert.Host, alert.Proxy, alert.Server)]
            : alert.Events.Select(e => e.ServerKey).OfType<ServerKey>().Distinct().ToList();
        foreach (var server in servers)
        {
            if (recent.TryGetValue(server, out var transitions) && transitions.Count > 0)
            {
                body.Append("\nRecent transitions of ").Append(SafeText.Line($"{server.Proxy}/{server.Server}")).Append(":\n");
                foreach (var t in transitions)
                {
                    body.Append("  ").Append(EventPhrases.Time(t.Time)).Append("  ").Append(EventPhrases.Verb(t.Kind));
                    if (!string.IsNullOrEmpty(t.Reason))
                    {
                        body.Append(" (").Append(SafeText.Line(t.Reason)).Append(')');
                    }
                    body.Append('\n');
                }
            }
        }
        body.Append("\n-- \nHAProxy Alerter, decided at ").Append(EventPhrases.Time(alert.DecidedAt)).Append('\n');
        return new RenderedMessage(subject, body.ToString(), AlertHtmlSummary.Render(alert, recent, options));
    }

    private static void AppendIf(StringBuilder body, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body.Append(label).Append(SafeText.Line(value)).Append('\n');
        }
    }
}
