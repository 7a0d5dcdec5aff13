using Alerter.Messages.Context;
using System.Text;

namespace Alerter.Messages.Templates;

/// <summary>The traffic context as lines of the text part, pure: the numbers at the alert, the servers now, the link; or why it is missing.</summary>
public static class ContextText
{
    public static string Render(AlertContextRequest request, ContextOutcome outcome, string? dashboardLink)
    {
        var text = new StringBuilder();
        if (outcome is { Available: true, Context: { } context })
        {
            text.Append("Traffic at the alert (").Append(context.Server is null ? "" : "server | ").Append("backend):\n");
            foreach (var (field, label) in ContextFields.Shown)
            {
                text.Append("  ").Append(label).Append(": ");
                if (context.Server is { } server)
                {
                    text.Append(HtmlText.Number(server.ValueAtAlert(field))).Append(" | ");
                }
                text.Append(HtmlText.Number(context.Backend.ValueAtAlert(field))).Append('\n');
            }
            if (context.BackendServers.Count > 0)
            {
                text.Append("Servers of ").Append(SafeText.Line(request.Proxy)).Append(" now: ")
                    .Append(string.Join(", ", context.BackendServers.Select(s => SafeText.Line($"{s.Server} {s.Status} ({AsOf(s)})")))).Append('\n');
            }
        }
        else
        {
            text.Append(AlertEmailHtml.UnavailablePrefix).Append(SafeText.Line(outcome.UnavailableReason)).Append('\n');
        }
        if (dashboardLink is not null)
        {
            text.Append(request.Server is null ? "Backend view: " : "Server view: ").Append(dashboardLink).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Where a row of the "now" table comes from and when: "from the log 2026-12-01 12:30:00 UTC" or "sampled ...".</summary>
    public static string AsOf(BackendServerState server) =>
        (server.FromLog ? "from the log" : "sampled") + (server.At is { } at ? " " + EventPhrases.Time(at) : "");

    /// <summary>Puts <paramref name="context"/> before the text's signature ("-- " line), or at the end when it has none.</summary>
    public static string Insert(string body, string context)
    {
        var signature = body.LastIndexOf("\n-- \n", StringComparison.Ordinal);
        return signature < 0
            ? body.TrimEnd('\n') + "\n\n" + context
            : body[..signature].TrimEnd('\n') + "\n\n" + context + "\n" + body[(signature + 1)..];
    }
}
